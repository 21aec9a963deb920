import type { Customer } from '../../domain/customers/customer.js';
import { AppError } from '../../domain/errors.js';
import type { Order } from '../../domain/orders/order.js';
import { openSession, type ValidationSession } from '../../domain/sessions/validation-session.js';
import { applyStack, type StackOutcome } from '../../domain/stacking/apply-stack.js';
import type { StackingRules } from '../../domain/stacking/stacking-rules.js';
import type { ProjectContext } from '../context.js';
import { storeRequestCustomer } from '../customers/request-customer.js';
import { spentCardOf } from '../gift-cards/gift-request.js';
import type { ProjectStore } from '../ports.js';
import { lockReservingCustomer } from '../redemptions/redemption-customer.js';
import { previewOrder } from '../redemptions/request-order.js';
import { readsCounts } from '../redemptions/voucher-rules.js';
import type { WritePolicy } from '../write-policy.js';
import { type JudgedEntry, judgeStackEntries, refuseEntry } from './judge-stack-entries.js';
import { type LoadedStack, loadStackEntries, type StackEntry } from './load-stack-entries.js';
import { checkStackRequest, type StackRequest } from './stack-request.js';
import { getProjectStackingRules } from './stacking-rules-queries.js';

/** What a stacked validation found: each redeemable's fate, the order after them, the rules used. */
export interface StackValidation {
  outcome: StackOutcome<JudgedEntry>;
  loaded: LoadedStack;
  customer: Customer | null;
  order: Order | null;
  rules: StackingRules;
  /** The session that now reserves a use of each applicable voucher, when the request opened one. */
  session: ValidationSession | null;
}

class ReservationRefused extends Error {
  constructor(
    readonly judged: JudgedEntry,
    readonly error: AppError,
  ) {
    super('reservation refused');
  }
}

/** What each reservation records, and how the stack's redeemables are judged again under locks. */
interface StackReservation {
  session: ValidationSession;
  customerId: string | null;
  orderAmount: number;
  entries: readonly StackEntry[];
  /** Judges the entries again from `store`, locking what their rules count. */
  rejudge: (store: ProjectStore) => Promise<JudgedEntry[]>;
}

/**
 * Where a reserved voucher's rules count uses, judges the stack again in the reservation's
 * transaction, under the locks a redemption takes and counting the other sessions' reservations:
 * a voucher those counts now refuse is refused, with the rule's reason.
 */
async function rejudgeCounted(
  tx: ProjectStore,
  reservation: StackReservation,
  reserving: ReadonlyArray<{ judged: JudgedEntry }>,
): Promise<void> {
  const { entries } = reservation;
  if (!entries.some((entry) => readsCounts(entry.definitions))) return;
  const definitions = entries.flatMap((entry) => entry.definitions);
  await lockReservingCustomer(tx, reservation.customerId, definitions);
  const rejudged = await reservation.rejudge(tx);
  for (const { judged } of reserving) {
    const again = rejudged.find((candidate) => candidate.entry === judged.entry);
    if (again && !again.applicable) {
      throw new ReservationRefused(judged, again.error ?? new AppError('quantity_exceeded'));
    }
  }
}

/**
 * Reserves one use of each applicable voucher for the session, in one transaction and by voucher
 * id (the order redemptions lock in): all of them, or, when one's uses are all taken or its counting
 * rules refuse it now, none, and that one is answered with why.
 */
async function reserveUses(
  ctx: ProjectContext,
  outcome: StackOutcome<JudgedEntry>,
  reservation: StackReservation,
): Promise<ReservationRefused | null> {
  const { session } = reservation;
  const vouchers = outcome.steps
    .filter((step) => step.status === 'APPLICABLE')
    .flatMap(({ redeemable: judged, gift_credits }) =>
      judged.entry.source.kind === 'voucher'
        ? [{ judged, voucher: judged.entry.source.voucher, giftCredits: gift_credits ?? 0 }]
        : [],
    )
    .sort((a, b) => a.voucher.stored.id.localeCompare(b.voucher.stored.id));
  const now = ctx.clock.now().toISOString();
  try {
    await ctx.store.transaction(async (tx) => {
      // Locks first (the customer's, the vouchers', the campaigns'), in the one order, then the writes.
      await rejudgeCounted(tx, reservation, vouchers);
      // Reusing a key overwrites the session: vouchers it no longer names are free again.
      await tx.validationSessions.releaseAllBut(
        session.key,
        vouchers.map(({ voucher }) => voucher.stored.id),
      );
      for (const { judged, voucher, giftCredits } of vouchers) {
        const refused = await tx.validationSessions.reserve(
          {
            key: session.key,
            voucherId: voucher.stored.id,
            campaignId: voucher.stored.campaign_id,
            customerId: reservation.customerId,
            orderAmount: reservation.orderAmount,
            giftCredits,
            giftOpening: spentCardOf(voucher)?.amount ?? 0,
            expiresAt: session.expiresAt,
          },
          voucher.effective.redemption_quantity,
          now,
        );
        if (refused) throw new ReservationRefused(judged, new AppError(refused, { details: judged.entry.id }));
      }
    });
    return null;
  } catch (error) {
    if (error instanceof ReservationRefused) return error;
    throw error;
  }
}

/**
 * POST /validations: whether the redeemables can be used together on this cart by this customer,
 * as the project's stacking rules combine them, and what each gives in turn. Nothing is counted
 * or stored, except the customer the request names, in a transaction of its own (as a single
 * validation does), and, when the request opens a session, a reservation of each voucher's use.
 */
export async function validateStack(
  ctx: ProjectContext,
  request: StackRequest,
  writes: WritePolicy = 'upsert',
): Promise<StackValidation> {
  const { store } = ctx;
  const { rules } = await getProjectStackingRules(store);
  checkStackRequest(request, rules);
  const now = ctx.clock.now();
  const session = request.session ? openSession(request.session, now, () => ctx.ids.newId('ssn_')) : null;
  const reservations = { now: now.toISOString(), exceptKey: session?.key ?? null };
  // Everything that can refuse the request comes before the customer's write.
  const order = request.order ? await previewOrder(store, ctx.clock, ctx.ids, request.order) : null;
  const loaded = await loadStackEntries(ctx, store, request.redeemables, reservations);
  const named = request.customer ? await storeRequestCustomer(ctx, request.customer, writes) : null;
  const customer = named?.customer ?? null;
  const judged = named?.judged ?? null;
  const pricedOrder = order && customer && !order.customer_id ? { ...order, customer_id: customer.id } : order;
  const facts = { order: pricedOrder, customer: judged, metadata: request.metadata ?? null, reservations };
  let entries = await judgeStackEntries(ctx, store, loaded.entries, { ...facts, lockCounts: false });
  // With a session, each pass either reserves a use of every applicable voucher or learns that one
  // has none left (or a counting rule now refuses it), and plans again without it.
  for (;;) {
    const outcome = applyStack(entries, pricedOrder, loaded.categoriesById, rules);
    const answer = { outcome, loaded, customer, order: pricedOrder, rules };
    if (!session || !outcome.valid) return { ...answer, session: null };
    const refused = await reserveUses(ctx, outcome, {
      session,
      customerId: customer?.id ?? null,
      // The amount its redemption would count: the order as the stack leaves it (units it adds included).
      orderAmount: outcome.order?.amount ?? 0,
      entries: loaded.entries,
      rejudge: (tx) => judgeStackEntries(ctx, tx, loaded.entries, { ...facts, lockCounts: true }),
    });
    if (!refused) return { ...answer, session };
    entries = entries.map((entry) => (entry === refused.judged ? refuseEntry(entry, refused.error) : entry));
  }
}
