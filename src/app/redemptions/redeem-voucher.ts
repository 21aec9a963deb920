import type { Customer } from '../../domain/customers/customer.js';
import { AppError } from '../../domain/errors.js';
import type { Order } from '../../domain/orders/order.js';
import { evaluateVoucher } from '../../domain/redemptions/evaluate-voucher.js';
import type { ChannelType } from '../../domain/redemptions/redemption.js';
import type { ProjectContext } from '../context.js';
import { upsertCustomer } from '../customers/upsert-customer.js';
import { giftRequestOf, spentCardOf } from '../gift-cards/gift-request.js';
import { recordGiftSpend, returnGiftCredits, takeGiftCredits } from '../gift-cards/spend-gift-credits.js';
import { checkMetadata } from '../metadata-schemas/check-metadata.js';
import { saveOrder } from '../orders/upsert-order.js';
import type { ProjectStore } from '../ports.js';
import { judgeReferral, recordReferral } from '../referrals/referral-redemption.js';
import { toCalculatedOrderObject } from '../views/calculated-order-view.js';
import { toRedemptionObject } from '../views/redemption-view.js';
import type { WritePolicy } from '../write-policy.js';
import { loadDiscountCatalog } from './discount-catalog.js';
import { type Answer, runIdempotently } from './idempotent.js';
import { type LoadedVoucher, loadVoucher } from './load-voucher.js';
import { lockRedemptionCustomer } from './redemption-customer.js';
import { newRedemption, type RedemptionSubject, recordRedeemedOrder, refuseRedemption } from './redemption-records.js';
import { prepareRequestOrder } from './request-order.js';
import { loadVoucherRules } from './rule-subjects.js';
import { storeRedemption } from './store-redemption.js';
import type { VoucherPresenter, VoucherRequest } from './voucher-request.js';
import { checkVoucherRules } from './voucher-rules.js';

export interface RedeemOptions {
  channel: { type: ChannelType; id: string | null };
  idempotencyKey?: string;
  presentVoucher: VoucherPresenter;
  /** How far the customer, order and catalog entries the request names may be written (`upsert` if absent). */
  writes?: WritePolicy;
}

interface Attempt {
  voucher: LoadedVoucher;
  customer: Customer | null;
  order: Order | null;
  request: VoucherRequest;
  options: RedeemOptions;
}

/**
 * The voucher as a redemption embeds it: Voucherify's redemption schema has no nulls there, so
 * unset fields are left out rather than null.
 */
export function embeddedVoucher(present: VoucherPresenter, voucher: LoadedVoucher): Record<string, unknown> {
  return Object.fromEntries(Object.entries(present(voucher)).filter(([, value]) => value !== null));
}

/** The voucher redeemed, as redemption records name it. */
function subjectOf(attempt: Attempt): RedemptionSubject {
  const { voucher, customer, order, request, options } = attempt;
  return {
    customer,
    order,
    request,
    channel: options.channel,
    related: {
      type: 'voucher',
      id: voucher.stored.id,
      campaignId: voucher.stored.campaign_id,
      voucherCode: voucher.stored.code,
    },
  };
}

function refuse(ctx: ProjectContext, store: ProjectStore, attempt: Attempt, error: AppError): Promise<Answer> {
  const voucher = embeddedVoucher(attempt.options.presentVoucher, attempt.voucher);
  return refuseRedemption(ctx, store, subjectOf(attempt), error, { voucher }, attempt.voucher.stored.code);
}

async function redeemInStore(
  ctx: ProjectContext,
  store: ProjectStore,
  code: string,
  request: VoucherRequest,
  options: RedeemOptions,
): Promise<Answer> {
  // A redemption naming its validation session uses the use that session reserved.
  const sessionKey = request.session?.key ?? null;
  const reservations = { now: ctx.clock.now().toISOString(), exceptKey: sessionKey };
  const voucher = await loadVoucher(store, ctx.project, code, reservations);
  // Metadata the project's schema refuses is bad input: a 400 before anything is written.
  await checkMetadata(store, 'redemption', request.metadata);
  const definitions = await loadVoucherRules(store, voucher);
  const writes = options.writes ?? 'upsert';
  const customer = request.customer ? await upsertCustomer(store, ctx.clock, ctx.ids, request.customer, writes) : null;
  // Where the transaction needs it, the customer's row is locked before any campaign or voucher
  // row: every redemption and rollback takes its locks in this one order.
  const judged = await lockRedemptionCustomer(store, customer, writes, definitions);
  const prepared = request.order
    ? await prepareRequestOrder(store, ctx.clock, ctx.ids, request.order, customer?.id ?? null, writes)
    : null;
  const order = prepared?.order ?? null;
  const attempt: Attempt = { voucher, customer, order, request, options };
  // A referral code makes the customer its referee (and names the referrer on the order), or is refused.
  const judgedReferral = judgeReferral(voucher, customer, order);
  if ('refused' in judgedReferral) return refuse(ctx, store, attempt, judgedReferral.refused);
  const timezone = ctx.project.settings.timezone;
  // Counting rules lock what they count until this transaction commits: parallel redemptions
  // take turns there, so none passes a per-customer or campaign limit on a stale count.
  const rules = await checkVoucherRules(store, ctx.clock, timezone, voucher, definitions, {
    order,
    customer: judged,
    metadata: request.metadata ?? null,
    lockCounts: true,
    reservations,
  });
  const evaluation = evaluateVoucher({
    voucher: voucher.effective,
    campaign: voucher.campaign,
    now: ctx.clock.now(),
    timezone,
    order,
    catalog: await loadDiscountCatalog(store, voucher.effective.discount),
    rules: rules.outcome,
    targets: rules.targets,
    reserved_quantity: voucher.reserved_quantity ?? 0,
    gift: giftRequestOf(voucher, request.gift),
  });
  if (!evaluation.valid) {
    if (prepared) await saveOrder(store, prepared);
    const message = evaluation.rule?.message;
    return refuse(ctx, store, attempt, new AppError(evaluation.reason, message ? { message } : {}));
  }

  // A gift card's credits go first, by one conditional write on its balance: of racing spends
  // only those the balance still holds get through, whatever they read before.
  const card = spentCardOf(voucher);
  const credits = evaluation.gift?.credits ?? 0;
  if (card && evaluation.gift?.credits === null) {
    return refuse(ctx, store, attempt, new AppError('missing_order'));
  }
  const spent = card && credits > 0 ? await takeGiftCredits(store, card, credits, reservations) : undefined;
  if (card && credits > 0 && !spent) {
    if (prepared) await saveOrder(store, prepared);
    return refuse(ctx, store, attempt, new AppError('gift_amount_exceeded'));
  }

  // The use is counted by one conditional write: of racing redemptions only as many as the
  // limit allows get through; the others are refused here, whatever they read before.
  const limit = voucher.effective.redemption_quantity;
  if (!(await store.vouchers.incrementRedeemed(voucher.stored.id, limit, reservations))) {
    if (card && spent) await returnGiftCredits(store, card, credits);
    if (prepared) await saveOrder(store, prepared);
    return refuse(ctx, store, attempt, new AppError('quantity_exceeded'));
  }
  const counters = spent ? { gift_balance: spent.balance, gift_total: spent.total } : {};
  const redeemed: LoadedVoucher = {
    ...voucher,
    stored: { ...voucher.stored, ...counters, redeemed_quantity: voucher.stored.redeemed_quantity + 1 },
    effective: { ...voucher.effective, redeemed_quantity: voucher.effective.redeemed_quantity + 1 },
  };
  if (sessionKey) await store.validationSessions.release(voucher.stored.id, sessionKey, reservations.now);
  const redemption = newRedemption(ctx, subjectOf({ ...attempt, voucher: redeemed }), ctx.ids.newId('r_'));
  redemption.session_key = sessionKey;
  redemption.amount = credits;
  if (prepared && evaluation.order) {
    await recordRedeemedOrder(store, redemption, prepared, evaluation.order, toCalculatedOrderObject);
  }
  if (card && spent) {
    const named = redemption.order_id ? { id: redemption.order_id, source_id: order?.source_id ?? null } : null;
    await recordGiftSpend(ctx, store, { card, credits, counters: spent, redemptionId: redemption.id, order: named });
  }
  redemption.snapshot.voucher = embeddedVoucher(options.presentVoucher, redeemed);
  // Vouchers before campaigns (lock-order.ts): the referrer reward's card, then the campaign totals.
  if (judgedReferral.referral) await recordReferral(ctx, store, judgedReferral.referral, redemption.id);
  await storeRedemption(ctx, store, redemption, 'redemption.succeeded');
  // The campaign's row is shared by every redemption of the campaign: written last, so its lock is
  // held for the commit only, not for the inserts before it.
  if (redemption.campaign_id) {
    await store.ruleCounters.moveCampaignTotals(redemption.campaign_id, 1, redemption.order_amount ?? 0);
  }
  return { status: 200, body: toRedemptionObject(redemption) };
}

/**
 * POST /vouchers/{code}/redemption: counts one use of the voucher, stores the customer, the
 * order and the redemption, and queues the event, all in one transaction. A refusal is stored
 * as a failed redemption and answered with a 400.
 */
export function redeemVoucher(
  ctx: ProjectContext,
  code: string,
  request: VoucherRequest,
  options: RedeemOptions,
): Promise<Answer> {
  return runIdempotently(
    ctx,
    { scope: 'voucher_redemption', key: options.idempotencyKey, request: { code, request } },
    (store) => redeemInStore(ctx, store, code, request, options),
  );
}
