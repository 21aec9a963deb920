import type { Campaign } from '../../domain/campaigns/campaign.js';
import type { Customer } from '../../domain/customers/customer.js';
import type { CalculatedOrder } from '../../domain/discounts/calculated-order.js';
import { compareTiers, evaluatePromotionTier } from '../../domain/promotions/evaluate-promotion-tier.js';
import type { PromotionTier } from '../../domain/promotions/promotion-tier.js';
import type { ProjectContext } from '../context.js';
import { storeRequestCustomer } from '../customers/request-customer.js';
import { loadDiscountCatalog } from '../redemptions/discount-catalog.js';
import { previewOrder } from '../redemptions/request-order.js';
import type { VoucherRequest } from '../redemptions/voucher-request.js';
import { checkSubjectRules, openRuleFactsSession, type VoucherRulesCheck } from '../redemptions/voucher-rules.js';
import type { WritePolicy } from '../write-policy.js';
import { loadActiveTiers, MAX_VALIDATED_TIERS } from './active-tiers.js';

/** A tier the cart and customer qualify for, priced alone on the cart. */
export interface QualifiedTier {
  tier: PromotionTier;
  campaign: Campaign;
  order: CalculatedOrder | null;
  discount_amount: number;
  rules: VoucherRulesCheck;
}

export interface PromotionsValidation {
  valid: boolean;
  customer: Customer | null;
  promotions: QualifiedTier[];
}

/**
 * POST /promotions/validation: every active tier of every active PROMOTION campaign whose rules the
 * cart and customer meet, each with the discount it alone would give, campaign by campaign and by
 * hierarchy. The tiers and their compiled rules come from the process's index (one version read),
 * and the cart's facts are prepared once for all of them. Nothing is counted or stored except the
 * customer the request names, in a transaction of its own, as a voucher validation does.
 */
export async function validatePromotions(
  ctx: ProjectContext,
  request: VoucherRequest,
  writes: WritePolicy = 'upsert',
): Promise<PromotionsValidation> {
  const { store } = ctx;
  const now = ctx.clock.now();
  const order = request.order ? await previewOrder(store, ctx.clock, ctx.ids, request.order) : null;
  const timezone = ctx.project.settings.timezone;
  // Voucherify's cap: only the most recent usable tiers are checked, whatever the project holds.
  const active = await loadActiveTiers(store, now, { timezone, limit: MAX_VALIDATED_TIERS });
  const named = request.customer ? await storeRequestCustomer(ctx, request.customer, writes) : null;
  const customer = named?.customer ?? null;
  const judged = named?.judged ?? null;
  const pricedOrder = order && customer && !order.customer_id ? { ...order, customer_id: customer.id } : order;
  const session = await openRuleFactsSession(
    store,
    ctx.clock,
    timezone,
    active.flatMap((entry) => entry.definitions),
    {
      order: pricedOrder,
      customer: judged,
      metadata: request.metadata ?? null,
      lockCounts: false,
    },
  );

  const promotions: QualifiedTier[] = [];
  for (const { tier, campaign, subject, definitions } of active) {
    const rules = await checkSubjectRules(store, session, subject, definitions);
    if (!rules.outcome.passed) continue;
    const evaluation = evaluatePromotionTier({
      tier,
      campaign,
      now,
      timezone,
      order: pricedOrder,
      catalog: await loadDiscountCatalog(store, tier.discount),
      rules: rules.outcome,
      targets: rules.targets,
    });
    if (!evaluation.valid) continue;
    promotions.push({ tier, campaign, order: evaluation.order, discount_amount: evaluation.discount_amount, rules });
  }
  promotions.sort(compareTiers);
  return { valid: promotions.length > 0, customer, promotions };
}
