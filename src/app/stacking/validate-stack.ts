import type { Customer } from '../../domain/customers/customer.js';
import { AppError } from '../../domain/errors.js';
import type { Order } from '../../domain/orders/order.js';
import { openSession, type ValidationSession } from '../../domain/sessions/validation-session.js';
import { applyStack, type StackOutcome } from '../../domain/stacking/apply-stack.js';
import type { StackingRules } from '../../domain/stacking/stacking-rules.js';
import type { ProjectContext } from '../context.js';
import { storeRequestCustomer } from '../customers/request-customer.js';
import { previewOrder } from '../redemptions/request-order.js';
import type { WritePolicy } from '../write-policy.js';
import { type JudgedEntry, judgeStackEntries, refuseEntry } from './judge-stack-entries.js';
import { type LoadedStack, loadStackEntries } from './load-stack-entries.js';
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
  constructor(readonly judged: JudgedEntry) {
    super('reservation refused');
  }
}

/**
 * Reserves one use of each applicable voucher for the session, in one transaction and by voucher
 * id (the order redemptions lock in): all of them, or, when one's uses are all taken, none, and
 * that one is answered.
 */
async function reserveUses(
  ctx: ProjectContext,
  outcome: StackOutcome<JudgedEntry>,
  session: ValidationSession,
): Promise<JudgedEntry | null> {
  const vouchers = outcome.steps
    .filter((step) => step.status === 'APPLICABLE')
    .map((step) => step.redeemable)
    .flatMap((judged) =>
      judged.entry.source.kind === 'voucher' ? [{ judged, voucher: judged.entry.source.voucher }] : [],
    )
    .sort((a, b) => a.voucher.stored.id.localeCompare(b.voucher.stored.id));
  const now = ctx.clock.now().toISOString();
  try {
    await ctx.store.transaction(async (tx) => {
      // Reusing a key overwrites the session: vouchers it no longer names are free again.
      await tx.validationSessions.releaseAllBut(
        session.key,
        vouchers.map(({ voucher }) => voucher.stored.id),
      );
      for (const { judged, voucher } of vouchers) {
        const limit = voucher.effective.redemption_quantity;
        const reserved = await tx.validationSessions.reserve(
          voucher.stored.id,
          session.key,
          session.expiresAt,
          limit,
          now,
        );
        if (!reserved) throw new ReservationRefused(judged);
      }
    });
    return null;
  } catch (error) {
    if (error instanceof ReservationRefused) return error.judged;
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
  let entries = await judgeStackEntries(ctx, store, loaded.entries, {
    order: pricedOrder,
    customer: judged,
    metadata: request.metadata ?? null,
    lockCounts: false,
  });
  // With a session, each pass either reserves a use of every applicable voucher or learns that one
  // has none left, and plans again without it.
  for (;;) {
    const outcome = applyStack(entries, pricedOrder, loaded.categoriesById, rules);
    const answer = { outcome, loaded, customer, order: pricedOrder, rules };
    if (!session || !outcome.valid) return { ...answer, session: null };
    const exhausted = await reserveUses(ctx, outcome, session);
    if (!exhausted) return { ...answer, session };
    const error = new AppError('quantity_exceeded', { details: exhausted.entry.id });
    entries = entries.map((entry) => (entry === exhausted ? refuseEntry(entry, error) : entry));
  }
}
