import type { CampaignType } from '../campaigns/campaign.js';
import type { VoucherType } from '../vouchers/voucher.js';

export const QUALIFICATION_SCENARIOS = [
  'ALL',
  'CUSTOMER_WALLET',
  'AUDIENCE_ONLY',
  'PRODUCTS',
  'PRODUCTS_DISCOUNT',
  'PROMOTION_STACKS',
  'PRODUCTS_BY_CUSTOMER',
  'PRODUCTS_DISCOUNT_BY_CUSTOMER',
] as const;
export type QualificationScenario = (typeof QUALIFICATION_SCENARIOS)[number];

export const SORTING_RULES = ['BEST_DEAL', 'LEAST_DEAL', 'DEFAULT'] as const;
export type SortingRule = (typeof SORTING_RULES)[number];

/** `campaign`: a campaign whose codes the customer could be given (AUDIENCE_ONLY). */
export type RedeemableObject = 'voucher' | 'promotion_tier' | 'promotion_stack' | 'campaign';
export type HolderRole = 'OWNER' | 'REFERRER' | 'REFEREE';

/**
 * What filtering, sorting and paging read of a redeemable that qualified: its identity, what it
 * belongs to, and the discount it alone gives the cart. The caller's own data rides along in `T`.
 */
export interface QualifiedRedeemable {
  object: RedeemableObject;
  /** As the answer names it: a voucher's code, a tier's or a stack's id. */
  id: string;
  /** The stored object's id (`v_…`, `promo_…`, `stack_…`, `camp_…`). */
  resource_id: string;
  created_at: string;
  campaign_id: string | null;
  campaign_type: CampaignType | null;
  category_ids: readonly string[];
  voucher_type: VoucherType | null;
  /** Vouchers only: a voucher's code. */
  code: string | null;
  /** How the customer holds it; null for what nobody holds (promotion tiers). */
  holder_role: HolderRole | null;
  /** What it alone takes off the cart (`total_applied_discount_amount`), in minor units. */
  discount_amount: number;
}
