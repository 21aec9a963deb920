import type { CalculatedOrder } from '../../domain/discounts/calculated-order.js';
import { toApplicableToLists } from '../../domain/rules/applicable-items.js';
import type { PromotionsValidation, QualifiedTier } from '../promotions/validate-promotions.js';
import { toCalculatedOrderObject } from './calculated-order-view.js';
import type { PromotionTierObject } from './promotion-tier-view.js';

const EMPTY_LIST = { object: 'list' as const, data_ref: 'data' as const, data: [], total: 0 };

/** Fields set to null left out: the legacy promotion schemas declare them non-nullable strings. */
function withoutNulls(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== null));
}

/** A calculated order as the promotion answers embed it: an order without a source id leaves it out. */
export function toPromotionOrderObject(order: CalculatedOrder, redemptions?: Record<string, unknown>) {
  return withoutNulls(toCalculatedOrderObject(order, redemptions));
}

/** A tier as a tier's redemption embeds it: unset fields left out, in the tier and its campaign. */
export function toEmbeddedTierObject(tier: PromotionTierObject): Record<string, unknown> {
  return { ...withoutNulls(tier), campaign: withoutNulls(tier.campaign) };
}

/** One qualifying tier as the validation lists it: the tier, its campaign, and what it alone gives the cart. */
function toValidatedTierObject(qualified: QualifiedTier, trackingId: string | null) {
  const { tier, campaign, order, rules } = qualified;
  return {
    valid: true as const,
    ...(rules.applicableTo
      ? toApplicableToLists(rules.applicableTo, order ? { items: order.items, targets: rules.targets } : undefined)
      : { applicable_to: EMPTY_LIST, inapplicable_to: EMPTY_LIST }),
    ...(trackingId ? { tracking_id: trackingId } : {}),
    ...(order ? { order: toPromotionOrderObject(order) } : {}),
    id: tier.id,
    name: tier.name,
    ...(tier.banner !== null ? { banner: tier.banner } : {}),
    discount: tier.discount,
    // The spec declares the dates non-nullable: unset ones are left out.
    ...(tier.start_date !== null ? { start_date: tier.start_date } : {}),
    ...(tier.expiration_date !== null ? { expiration_date: tier.expiration_date } : {}),
    campaign: {
      id: campaign.id,
      ...(campaign.start_date !== null ? { start_date: campaign.start_date } : {}),
      ...(campaign.expiration_date !== null ? { expiration_date: campaign.expiration_date } : {}),
      active: campaign.active,
      object: 'campaign' as const,
    },
    hierarchy: tier.hierarchy,
    discount_amount: qualified.discount_amount,
    applied_discount_amount: order ? order.total_applied_discount_amount : qualified.discount_amount,
    metadata: tier.metadata,
    object: 'promotion_tier' as const,
    ...(tier.category_id !== null ? { category_id: tier.category_id } : {}),
  };
}

/** The legacy `POST /promotions/validation` answer: `valid` when any tier qualifies, and each that does. */
export function toPromotionValidationObject(validation: PromotionsValidation, trackingId: string | null) {
  return {
    valid: validation.valid,
    ...(trackingId ? { tracking_id: trackingId } : {}),
    promotions: validation.promotions.map((qualified) => toValidatedTierObject(qualified, trackingId)),
  };
}
