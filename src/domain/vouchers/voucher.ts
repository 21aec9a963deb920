import type { Discount } from '../discounts/discount.js';
import type { Metadata } from '../metadata.js';
import type { ValidityHours, ValidityRules, ValidityTimeframe } from './validity.js';

export const VOUCHER_TYPES = ['DISCOUNT_VOUCHER', 'GIFT_VOUCHER', 'LOYALTY_CARD'] as const;
export type VoucherType = (typeof VOUCHER_TYPES)[number];

/** A discount as stored: Voucherify's discount object, checked by parseDiscount when it came in. */
export type StoredDiscount = Discount;

export interface GiftDefinition {
  /** Lifetime credits, in minor units. */
  amount: number;
  effect: 'APPLY_TO_ORDER' | 'APPLY_TO_ITEMS' | null;
}

export interface LoyaltyCardDefinition {
  points: number;
}

/**
 * A voucher as stored. In a campaign a null field means "as the campaign's voucher template
 * says", so a campaign change reaches all its codes at once; `resolveVoucher` gives the voucher
 * with every field in force.
 */
export interface Voucher {
  id: string;
  code: string;
  campaign_id: string | null;
  category_id: string | null;
  type: VoucherType | null;
  discount: StoredDiscount | null;
  gift: GiftDefinition | null;
  loyalty_card: LoyaltyCardDefinition | null;
  start_date: string | null;
  expiration_date: string | null;
  validity_timeframe: ValidityTimeframe | null;
  validity_day_of_week: number[] | null;
  validity_hours: ValidityHours | null;
  /** Uses allowed; null inherits (or, alone, is unlimited). */
  redemption_quantity: number | null;
  is_referral_code: boolean | null;
  active: boolean | null;
  additional_info: string | null;
  metadata: Metadata;
  holder_id: string | null;
  referrer_id: string | null;
  redeemed_quantity: number;
  publish_count: number;
  /**
   * The latest end of a validation session that reserved one of its uses: while it lies ahead,
   * reservations count against `redemption_quantity`. Absent or past for almost every voucher.
   */
  reserved_until?: string | null;
  /** A gift card's credits left once they first moved; absent or null: its whole `gift.amount`. */
  gift_balance?: number | null;
  /** A gift card's lifetime credits once they first moved; absent or null: its `gift.amount`. */
  gift_total?: number | null;
  created_at: string;
  updated_at: string | null;
}

/** A voucher with every field in force: its own values over its campaign's template. */
export interface EffectiveVoucher extends ValidityRules {
  id: string;
  code: string;
  campaign_id: string | null;
  category_id: string | null;
  type: VoucherType;
  discount: StoredDiscount | null;
  gift: GiftDefinition | null;
  loyalty_card: LoyaltyCardDefinition | null;
  redemption_quantity: number | null;
  is_referral_code: boolean;
  /** The voucher's own switch; its campaign's switch is checked beside it. */
  active: boolean;
  additional_info: string | null;
  metadata: Metadata;
  holder_id: string | null;
  referrer_id: string | null;
  redeemed_quantity: number;
  publish_count: number;
  created_at: string;
  updated_at: string | null;
}
