import type { Campaign } from '../campaigns/campaign.js';
import { applyDiscount, type CatalogLookup } from '../discounts/apply-discount.js';
import { type CalculatedOrder, startCalculation } from '../discounts/calculated-order.js';
import type { Discount } from '../discounts/discount.js';
import { type DiscountTargets, NO_TARGETS } from '../discounts/targets.js';
import type { Order } from '../orders/order.js';
import type { RuleRefusal } from '../redemptions/evaluate-voucher.js';
import type { AssignedRulesOutcome } from '../rules/check-assigned-rules.js';
import type { RuleErrorKey } from '../rules/rule-catalog.js';
import { checkValidity } from '../vouchers/check-validity.js';
import type { ValidityRules } from '../vouchers/validity.js';
import type { PromotionTier } from './promotion-tier.js';

/** Why a promotion tier cannot be applied now, in Voucherify's keys. */
export type TierRefusal = 'promotion_inactive' | 'promotion_not_active_now' | RuleErrorKey;

export interface TierEvaluationInput {
  tier: PromotionTier;
  campaign: Pick<Campaign, 'active' | keyof ValidityRules>;
  now: Date;
  /** The project's IANA time zone: validity hours and week days are local to it. */
  timezone: string;
  order: Order | null;
  catalog: CatalogLookup;
  /** The validation rules of the tier and its campaign, already checked against the same facts. */
  rules?: AssignedRulesOutcome;
  /** The lines the rules' `applicable_to` lets the discount reach, resolved against the order. */
  targets?: DiscountTargets;
}

export type TierEvaluation =
  | { valid: true; discount: Discount; order: CalculatedOrder | null; discount_amount: number }
  | { valid: false; reason: TierRefusal; rule?: RuleRefusal };

/**
 * Whether a promotion tier applies now and what it gives the order alone: the switches of the tier
 * and its campaign, the validity windows of both (any window refusal is "not active now", as a
 * tier has no code to be expired), the rules, then the discount over the lines the rules allow.
 * Pure: the caller brings the time, the facts and the rules' outcome.
 */
export function evaluatePromotionTier(input: TierEvaluationInput): TierEvaluation {
  const { tier, campaign, now, timezone } = input;
  if (!tier.active || !campaign.active) return { valid: false, reason: 'promotion_inactive' };
  if (checkValidity(campaign, now, timezone) !== null || checkValidity(tier, now, timezone) !== null) {
    return { valid: false, reason: 'promotion_not_active_now' };
  }
  if (input.rules && !input.rules.passed) {
    const [first] = input.rules.failed;
    if (first)
      return { valid: false, reason: first.errorKey, rule: { ruleId: input.rules.ruleId, message: first.message } };
  }
  if (input.order === null) return { valid: true, discount: tier.discount, order: null, discount_amount: 0 };
  const applied = applyDiscount(startCalculation(input.order), tier.discount, input.targets ?? NO_TARGETS, {
    base: 'DISCOUNTED_AMOUNT',
    catalog: input.catalog,
  });
  return { valid: true, discount: tier.discount, order: applied.order, discount_amount: applied.discount_amount };
}

/**
 * The order Voucherify lists qualifying tiers in: campaign by campaign (oldest campaign first),
 * and within a campaign by hierarchy, then age, then id, so equal tiers always list the same way.
 */
export function compareTiers(
  a: { tier: PromotionTier; campaign: Pick<Campaign, 'id' | 'created_at'> },
  b: { tier: PromotionTier; campaign: Pick<Campaign, 'id' | 'created_at'> },
): number {
  if (a.campaign.id !== b.campaign.id) {
    return a.campaign.created_at.localeCompare(b.campaign.created_at) || a.campaign.id.localeCompare(b.campaign.id);
  }
  return (
    a.tier.hierarchy - b.tier.hierarchy ||
    a.tier.created_at.localeCompare(b.tier.created_at) ||
    a.tier.id.localeCompare(b.tier.id)
  );
}
