import type { Discount } from '../discounts/discount.js';
import type { Metadata } from '../metadata.js';
import type { ValidityRules } from '../vouchers/validity.js';

/** Most tiers one PROMOTION campaign holds: its tiers are listed and validated together. */
export const MAX_TIERS_PER_CAMPAIGN = 100;

/** What redemptions of a tier add up to, raised by redemption and lowered by rollback. */
export interface TierSummary {
  redeemed_quantity: number;
  /** Sum of the totals of the orders the tier was redeemed on, in minor units. */
  orders_total_amount: number;
  /** Sum of the discounts the tier gave, in minor units. */
  orders_total_discount_amount: number;
}

/**
 * A tier of a PROMOTION campaign: a discount applied without a code when the order and customer
 * pass its rules. Its own validity applies beside its campaign's, and its campaign's `active`
 * switch beside its own.
 */
export interface PromotionTier extends ValidityRules {
  id: string;
  campaign_id: string;
  name: string;
  banner: string | null;
  discount: Discount;
  metadata: Metadata;
  /** Lower applies first when several tiers of a campaign qualify. */
  hierarchy: number;
  active: boolean;
  category_id: string | null;
  summary: TierSummary;
  created_at: string;
  updated_at: string | null;
}

export const NO_SUMMARY: TierSummary = {
  redeemed_quantity: 0,
  orders_total_amount: 0,
  orders_total_discount_amount: 0,
};
