import type { Customer } from '../../domain/customers/customer.js';
import type { CalculatedOrder } from '../../domain/discounts/calculated-order.js';
import type { Discount } from '../../domain/discounts/discount.js';
import {
  evaluateVoucher,
  type RuleRefusal,
  type VoucherEvaluation,
  type VoucherRefusal,
} from '../../domain/redemptions/evaluate-voucher.js';
import type { AssignedDefinition } from '../../domain/rules/check-assigned-rules.js';
import { openSession, type ValidationSession } from '../../domain/sessions/validation-session.js';
import type { ProjectContext } from '../context.js';
import { storeRequestCustomer } from '../customers/request-customer.js';
import { giftRequestOf, spentCardOf } from '../gift-cards/gift-request.js';
import type { ProjectStore } from '../ports.js';
import type { WritePolicy } from '../write-policy.js';
import { loadDiscountCatalog } from './discount-catalog.js';
import { type LoadedVoucher, loadVoucher } from './load-voucher.js';
import { lockReservingCustomer } from './redemption-customer.js';
import { previewOrder } from './request-order.js';
import { loadVoucherRules } from './rule-subjects.js';
import type { VoucherRequest } from './voucher-request.js';
import { checkVoucherRules, readsCounts, type VoucherRulesCheck } from './voucher-rules.js';

/** The voucher judged against the request: its rules (read from `store`, locking what they count when asked) and the verdict. */
type Judge = (
  store: ProjectStore,
  lockCounts: boolean,
) => Promise<{ rules: VoucherRulesCheck; evaluation: VoucherEvaluation }>;

interface ReservationRequest {
  voucher: LoadedVoucher;
  session: ValidationSession;
  customerId: string | null;
  orderAmount: number;
  /** The gift card's credits the order would use, which the session holds for it. */
  giftCredits: number;
  judge: Judge;
  definitions: readonly AssignedDefinition[];
}

/**
 * Reserves one use of the voucher for the session, in a transaction of its own. Where its rules
 * count uses, they are judged again there, under the locks a redemption takes (the customer, then
 * the voucher, then its campaign) and with the other sessions' reservations counted: of parallel
 * sessions only as many as every limit allows reserve. Answers the refusal, or null when reserved.
 */
function reserveUse(
  ctx: ProjectContext,
  request: ReservationRequest,
): Promise<Extract<VoucherEvaluation, { valid: false }> | null> {
  const { voucher, session } = request;
  const now = ctx.clock.now().toISOString();
  return ctx.store.transaction(async (tx) => {
    if (readsCounts(request.definitions)) {
      await lockReservingCustomer(tx, request.customerId, request.definitions);
      const { evaluation } = await request.judge(tx, true);
      if (!evaluation.valid) return evaluation;
    }
    const reservation = {
      key: session.key,
      voucherId: voucher.stored.id,
      campaignId: voucher.stored.campaign_id,
      customerId: request.customerId,
      orderAmount: request.orderAmount,
      giftCredits: request.giftCredits,
      giftOpening: spentCardOf(voucher)?.amount ?? 0,
      expiresAt: session.expiresAt,
    };
    const refused = await tx.validationSessions.reserve(reservation, voucher.effective.redemption_quantity, now);
    return refused ? { valid: false, reason: refused } : null;
  });
}

export type ValidationOutcome =
  | {
      valid: true;
      voucher: LoadedVoucher;
      customer: Customer | null;
      discount: Discount | null;
      order: CalculatedOrder | null;
      /** The lines the validation rules let the discount reach, for the answer's `applicable_to`. */
      rules: VoucherRulesCheck;
      /** The session that now reserves a use of the voucher, when the request opened one. */
      session: ValidationSession | null;
      /** A gift card's balance and the credits this order would use (null: none said how many). */
      gift?: { credits: number | null; balance: number };
    }
  | {
      valid: false;
      voucher: LoadedVoucher;
      customer: Customer | null;
      reason: VoucherRefusal;
      /** The validation rule that refused, in its own words. */
      rule?: RuleRefusal;
    };

/**
 * POST /vouchers/{code}/validate: whether the code can be used with this cart and customer now,
 * and what it would give. Nothing is counted or stored, except the customer the request names,
 * which Voucherify creates when new and, as far as `writes` allows, updates: in a transaction of
 * its own, with the segment changes that causes.
 */
export async function validateVoucher(
  ctx: ProjectContext,
  code: string,
  request: VoucherRequest,
  writes: WritePolicy = 'upsert',
): Promise<ValidationOutcome> {
  const { store } = ctx;
  const now = ctx.clock.now();
  const session = request.session ? openSession(request.session, now, () => ctx.ids.newId('ssn_')) : null;
  const reservations = { now: now.toISOString(), exceptKey: session?.key ?? null };
  const voucher = await loadVoucher(store, ctx.project, code, reservations);
  // Everything that can refuse the request comes before the customer's write, so a refused
  // validation stores nothing (invariant 5).
  const order = request.order ? await previewOrder(store, ctx.clock, ctx.ids, request.order) : null;
  const catalog = await loadDiscountCatalog(store, voucher.effective.discount);
  const definitions = await loadVoucherRules(store, voucher);
  // The customer's write and the segment changes it causes commit together, or not at all.
  const named = request.customer ? await storeRequestCustomer(ctx, request.customer, writes) : null;
  const customer = named?.customer ?? null;
  const judged = named?.judged ?? null;
  const pricedOrder = order && customer && !order.customer_id ? { ...order, customer_id: customer.id } : order;
  const timezone = ctx.project.settings.timezone;
  const judge: Judge = async (from, lockCounts) => {
    const rules = await checkVoucherRules(from, ctx.clock, timezone, voucher, definitions, {
      order: pricedOrder,
      customer: judged,
      metadata: request.metadata ?? null,
      lockCounts,
      reservations,
    });
    const evaluation = evaluateVoucher({
      voucher: voucher.effective,
      campaign: voucher.campaign,
      now: ctx.clock.now(),
      timezone,
      order: pricedOrder,
      catalog,
      rules: rules.outcome,
      targets: rules.targets,
      reserved_quantity: voucher.reserved_quantity ?? 0,
      gift: giftRequestOf(voucher, request.gift),
    });
    return { rules, evaluation };
  };
  const { rules, evaluation } = await judge(store, false);
  // The reservation is taken under the voucher's row lock (and, where rules count, the locks they
  // count under): of parallel sessions only as many as the limits allow get one, whatever they read before.
  const refusal = (verdict: Extract<VoucherEvaluation, { valid: false }>): ValidationOutcome => {
    const refused = { valid: false as const, voucher, customer, reason: verdict.reason };
    return verdict.rule ? { ...refused, rule: verdict.rule } : refused;
  };
  if (!evaluation.valid) return refusal(evaluation);
  if (session) {
    const orderAmount = evaluation.order?.amount ?? 0;
    const customerId = customer?.id ?? null;
    const giftCredits = evaluation.gift?.credits ?? 0;
    const reservation = { voucher, session, customerId, orderAmount, giftCredits, judge, definitions };
    const refused = await reserveUse(ctx, reservation);
    if (refused) return refusal(refused);
  }
  const { discount, order: priced, gift } = evaluation;
  return { valid: true, voucher, customer, discount, order: priced, rules, session, ...(gift ? { gift } : {}) };
}
