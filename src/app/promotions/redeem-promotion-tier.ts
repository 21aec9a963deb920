import type { Campaign } from '../../domain/campaigns/campaign.js';
import type { Customer } from '../../domain/customers/customer.js';
import { AppError, notFound } from '../../domain/errors.js';
import type { Order } from '../../domain/orders/order.js';
import { evaluatePromotionTier } from '../../domain/promotions/evaluate-promotion-tier.js';
import type { PromotionTier } from '../../domain/promotions/promotion-tier.js';
import type { ChannelType } from '../../domain/redemptions/redemption.js';
import { scopeKeyOf } from '../../domain/rules/check-assigned-rules.js';
import type { ProjectContext } from '../context.js';
import { upsertCustomer } from '../customers/upsert-customer.js';
import { checkMetadata } from '../metadata-schemas/check-metadata.js';
import { saveOrder } from '../orders/upsert-order.js';
import type { ProjectStore } from '../ports.js';
import { loadDiscountCatalog } from '../redemptions/discount-catalog.js';
import { type Answer, runIdempotently } from '../redemptions/idempotent.js';
import { lockRedemptionCustomer } from '../redemptions/redemption-customer.js';
import {
  newRedemption,
  type RedemptionSubject,
  recordRedeemedOrder,
  refuseRedemption,
} from '../redemptions/redemption-records.js';
import { prepareRequestOrder } from '../redemptions/request-order.js';
import { loadSubjectRules, type RuleSubject } from '../redemptions/rule-subjects.js';
import { storeRedemption } from '../redemptions/store-redemption.js';
import type { VoucherRequest } from '../redemptions/voucher-request.js';
import { checkSubjectRules, openRuleFactsSession } from '../redemptions/voucher-rules.js';
import { toPromotionTierObject } from '../views/promotion-tier-view.js';
import { toEmbeddedTierObject, toPromotionOrderObject } from '../views/promotion-validation-view.js';
import { toRedemptionObject } from '../views/redemption-view.js';
import type { WritePolicy } from '../write-policy.js';
import { viewTier } from './promotion-tier-queries.js';

export interface RedeemTierOptions {
  channel: { type: ChannelType; id: string | null };
  idempotencyKey?: string;
  /** How far the customer, order and catalog entries the request names may be written (`upsert` if absent). */
  writes?: WritePolicy;
}

interface Attempt {
  tier: PromotionTier;
  campaign: Campaign;
  customer: Customer | null;
  order: Order | null;
  request: VoucherRequest;
  options: RedeemTierOptions;
}

/** The tier redeemed, as redemption records name it. */
function subjectOf(attempt: Attempt): RedemptionSubject {
  const { tier, customer, order, request, options } = attempt;
  return {
    customer,
    order,
    request,
    channel: options.channel,
    related: { type: 'promotion_tier', id: tier.id, campaignId: tier.campaign_id, voucherCode: null },
  };
}

/** The tier as the redemption answer embeds it, with its campaign, category and rules. */
export async function presentTier(store: ProjectStore, tier: PromotionTier): Promise<Record<string, unknown>> {
  return toEmbeddedTierObject(toPromotionTierObject(await viewTier(store, tier)));
}

async function refuse(ctx: ProjectContext, store: ProjectStore, attempt: Attempt, error: AppError): Promise<Answer> {
  const promotionTier = await presentTier(store, attempt.tier);
  return refuseRedemption(ctx, store, subjectOf(attempt), error, { promotion_tier: promotionTier }, attempt.tier.id);
}

async function loadTier(store: ProjectStore, id: string): Promise<{ tier: PromotionTier; campaign: Campaign }> {
  const tier = await store.promotionTiers.findById(id);
  const campaign = tier ? await store.campaigns.findById(tier.campaign_id) : undefined;
  if (!tier || !campaign) throw notFound('promotion_tier', id);
  return { tier, campaign };
}

async function redeemInStore(
  ctx: ProjectContext,
  store: ProjectStore,
  tierId: string,
  request: VoucherRequest,
  options: RedeemTierOptions,
): Promise<Answer> {
  const { tier, campaign } = await loadTier(store, tierId);
  // Metadata the project's schema refuses is bad input: a 400 before anything is written.
  await checkMetadata(store, 'redemption', request.metadata);
  const subject: RuleSubject = { scope: { type: 'promotion_tier', id: tier.id }, campaignId: campaign.id };
  const definitions = (await loadSubjectRules(store, [subject])).get(scopeKeyOf(subject.scope)) ?? [];
  const writes = options.writes ?? 'upsert';
  const customer = request.customer ? await upsertCustomer(store, ctx.clock, ctx.ids, request.customer, writes) : null;
  // Where the transaction needs it, the customer's row is locked before the campaign and the tier,
  // as every redemption and rollback locks.
  const judged = await lockRedemptionCustomer(store, customer, writes, definitions);
  const prepared = request.order
    ? await prepareRequestOrder(store, ctx.clock, ctx.ids, request.order, customer?.id ?? null, writes)
    : null;
  const order = prepared?.order ?? null;
  const attempt: Attempt = { tier, campaign, customer, order, request, options };
  const timezone = ctx.project.settings.timezone;
  // Counting rules lock the campaign, then the tier, before counting, until this transaction commits.
  const session = await openRuleFactsSession(store, ctx.clock, timezone, definitions, {
    order,
    customer: judged,
    metadata: request.metadata ?? null,
    lockCounts: true,
  });
  const rules = await checkSubjectRules(store, session, subject, definitions);
  const evaluation = evaluatePromotionTier({
    tier,
    campaign,
    now: ctx.clock.now(),
    timezone,
    order,
    catalog: await loadDiscountCatalog(store, tier.discount),
    rules: rules.outcome,
    targets: rules.targets,
  });
  if (!evaluation.valid) {
    if (prepared) await saveOrder(store, prepared);
    const message = evaluation.rule?.message;
    return refuse(ctx, store, attempt, new AppError(evaluation.reason, message ? { message } : {}));
  }

  const redemption = newRedemption(ctx, subjectOf(attempt), ctx.ids.newId('r_'));
  if (prepared && evaluation.order) {
    await recordRedeemedOrder(store, redemption, prepared, evaluation.order, toPromotionOrderObject);
  }
  const summaryChange = {
    redeemed_quantity: 1,
    orders_total_amount: redemption.order_amount ?? 0,
    orders_total_discount_amount: redemption.discount_amount,
  };
  const redeemed: PromotionTier = {
    ...tier,
    summary: {
      redeemed_quantity: tier.summary.redeemed_quantity + summaryChange.redeemed_quantity,
      orders_total_amount: tier.summary.orders_total_amount + summaryChange.orders_total_amount,
      orders_total_discount_amount:
        tier.summary.orders_total_discount_amount + summaryChange.orders_total_discount_amount,
    },
  };
  redemption.snapshot.promotion_tier = await presentTier(store, redeemed);
  await storeRedemption(ctx, store, redemption, 'redemption.succeeded');
  // Every checkout that gets the tier writes these two rows: written last, in the one lock order
  // (tier, then campaign; lock-order.ts), so their locks are held for the commit only.
  await store.promotionTiers.addToSummary(tier.id, summaryChange);
  await store.ruleCounters.moveCampaignTotals(campaign.id, 1, redemption.order_amount ?? 0);
  return { status: 200, body: toRedemptionObject(redemption) };
}

/**
 * POST /promotions/tiers/{id}/redemption: applies one promotion tier to the order, stores the
 * customer, the order and the redemption, moves the tier's summary and the campaign's totals, and
 * queues the event, all in one transaction. A refusal is stored as a failed redemption and
 * answered with a 400.
 */
export function redeemPromotionTier(
  ctx: ProjectContext,
  tierId: string,
  request: VoucherRequest,
  options: RedeemTierOptions,
): Promise<Answer> {
  return runIdempotently(
    ctx,
    { scope: 'promotion_tier_redemption', key: options.idempotencyKey, request: { tierId, request } },
    (store) => redeemInStore(ctx, store, tierId, request, options),
  );
}
