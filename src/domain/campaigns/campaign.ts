import type { Metadata } from '../metadata.js';
import type { ReferralProgram } from '../referrals/referral-program.js';
import type { ValidityHours, ValidityRules, ValidityTimeframe } from '../vouchers/validity.js';
import type { GiftDefinition, LoyaltyCardDefinition, StoredDiscount, VoucherType } from '../vouchers/voucher.js';

export const CAMPAIGN_TYPES = [
  'DISCOUNT_COUPONS',
  'GIFT_VOUCHERS',
  'LOYALTY_PROGRAM',
  'PROMOTION',
  'REFERRAL_PROGRAM',
] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];

/** STATIC: a fixed pool of codes; AUTO_UPDATE: codes made on demand; STANDALONE: hand-made vouchers. */
export const CAMPAIGN_KINDS = ['AUTO_UPDATE', 'STATIC', 'STANDALONE'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

/** How codes are made: `pattern` ('#' is a random character) overrides `length`. */
export interface CodeConfig {
  length?: number | null;
  charset?: string | null;
  prefix?: string | null;
  postfix?: string | null;
  pattern?: string | null;
}

/** What every voucher of a campaign is, unless the voucher says otherwise. */
export interface CampaignVoucherTemplate {
  type: VoucherType;
  discount: StoredDiscount | null;
  gift: GiftDefinition | null;
  loyalty_card: LoyaltyCardDefinition | null;
  redemption: { quantity: number | null };
  code_config: CodeConfig;
  is_referral_code: boolean;
  start_date?: string | null;
  expiration_date?: string | null;
  validity_timeframe?: ValidityTimeframe | null;
  validity_day_of_week?: number[] | null;
  validity_hours?: ValidityHours | null;
}

export type GenerationStatus = 'DONE' | 'IN_PROGRESS' | 'FAILED' | 'DRAFT' | 'MODIFYING';

/** A campaign; its own validity applies beside each voucher's. */
export interface Campaign extends ValidityRules {
  id: string;
  name: string;
  description: string | null;
  campaign_type: CampaignType;
  type: CampaignKind;
  voucher: CampaignVoucherTemplate;
  auto_join: boolean;
  join_once: boolean;
  use_voucher_metadata_schema: boolean;
  activity_duration_after_publishing: string | null;
  active: boolean;
  metadata: Metadata;
  category_id: string | null;
  vouchers_count: number;
  vouchers_generation_status: GenerationStatus;
  protected: boolean;
  created_at: string;
  updated_at: string | null;
  /** A REFERRAL_PROGRAM campaign's program; absent on every other campaign. */
  referral_program?: ReferralProgram | null;
}
