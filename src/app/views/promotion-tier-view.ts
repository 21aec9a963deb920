import type { Campaign } from '../../domain/campaigns/campaign.js';
import type { Category } from '../../domain/categories/category.js';
import type { PromotionTier } from '../../domain/promotions/promotion-tier.js';
import type { ValidationRuleAssignment } from '../../domain/rules/validation-rule.js';
import type { ValidityRules } from '../../domain/vouchers/validity.js';
import { toCategoryObject } from './category-view.js';
import { toAssignmentsList } from './voucher-view.js';

/** A tier with what its answer names: its campaign, its category and the rules assigned to it. */
export interface PromotionTierView {
  tier: PromotionTier;
  campaign: Campaign;
  category: Category | null;
  assignments: readonly ValidationRuleAssignment[];
}

/** Only the weekly windows set: the spec declares them non-nullable, so unset ones are left out. */
function windowFields(rules: ValidityRules) {
  return {
    ...(rules.validity_timeframe ? { validity_timeframe: rules.validity_timeframe } : {}),
    ...(rules.validity_day_of_week ? { validity_day_of_week: rules.validity_day_of_week } : {}),
    ...(rules.validity_hours ? { validity_hours: rules.validity_hours } : {}),
  };
}

/** Voucherify's promotion tier object, with its campaign's validity beside its own. */
export function toPromotionTierObject({ tier, campaign, category, assignments }: PromotionTierView) {
  return {
    id: tier.id,
    created_at: tier.created_at,
    ...(tier.updated_at === null ? {} : { updated_at: tier.updated_at }),
    name: tier.name,
    banner: tier.banner,
    action: { discount: tier.discount },
    metadata: tier.metadata,
    hierarchy: tier.hierarchy,
    promotion_id: campaign.id,
    campaign: {
      id: campaign.id,
      start_date: campaign.start_date,
      expiration_date: campaign.expiration_date,
      ...windowFields(campaign),
      active: campaign.active,
      category_id: campaign.category_id,
      object: 'campaign' as const,
    },
    campaign_id: campaign.id,
    active: tier.active,
    start_date: tier.start_date,
    expiration_date: tier.expiration_date,
    ...windowFields(tier),
    summary: {
      redemptions: { total_redeemed: tier.summary.redeemed_quantity },
      orders: {
        total_amount: tier.summary.orders_total_amount,
        total_discount_amount: tier.summary.orders_total_discount_amount,
      },
    },
    object: 'promotion_tier' as const,
    validation_rule_assignments: toAssignmentsList(assignments),
    category_id: tier.category_id,
    categories: category ? [toCategoryObject(category)] : [],
  };
}

export type PromotionTierObject = ReturnType<typeof toPromotionTierObject>;

/** The `{object: 'list', data_ref: 'tiers'}` list a PROMOTION campaign and the tier lists answer with. */
export function toPromotionTierList(views: readonly PromotionTierView[], total = views.length, hasMore = false) {
  return {
    object: 'list' as const,
    data_ref: 'tiers' as const,
    tiers: views.map(toPromotionTierObject),
    total,
    has_more: hasMore,
  };
}
