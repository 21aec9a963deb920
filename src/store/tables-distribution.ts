/**
 * Row types of handing codes out and spending them: publications, referrals, validation sessions,
 * the gift credits ledger and its exports. tables.ts says the conventions every table follows.
 */

/** A referee linked to the referral code that referred them (0015-referrals). */
export interface ReferralHoldersTable {
  id: string;
  project_id: string;
  campaign_id: string;
  voucher_id: string;
  customer_id: string;
  referrer_id: string | null;
  holder_role: string;
  related_object_type: string | null;
  related_object_id: string | null;
  metadata: string;
  created_at: string;
}

/** One conversion of a referee and the referrer reward it granted (0015-referrals). */
export interface ReferralConversionsTable {
  id: string;
  project_id: string;
  campaign_id: string;
  voucher_id: string;
  referrer_id: string;
  referee_id: string;
  redemption_id: string | null;
  event_id: string | null;
  /** JSON: GrantedReward, or null when the campaign grants none. */
  reward: string | null;
  /** JSON: the GrantedReward of the referee (0016-referee-rewards), or null. */
  referee_reward: string | null;
  created_at: string;
}

/** One use of a voucher reserved by a validation session until `expires_at`. */
export interface ValidationSessionsTable {
  project_id: string;
  session_key: string;
  voucher_id: string;
  /** What the reserved use would count against once redeemed: its campaign, customer and order amount. */
  campaign_id: string | null;
  customer_id: string | null;
  order_amount: number;
  /** Credits of a gift card the session holds for its order. */
  gift_credits: number;
  expires_at: string;
  created_at: string;
}

/** A publication: codes handed to a customer, or a refused attempt (`result` FAILURE). */
export interface PublicationsTable {
  id: string;
  project_id: string;
  source_id: string | null;
  customer_id: string;
  tracking_id: string | null;
  campaign_id: string | null;
  campaign_name: string | null;
  /** JSON: the published vouchers' ids, in the order they were handed out. */
  voucher_ids: string;
  /** JSON: their codes, in the same order. */
  voucher_codes: string;
  /** The first code, for the `voucher` filter. */
  first_code: string | null;
  voucher_type: string | null;
  is_referral_code: number;
  channel: string;
  metadata: string;
  result: 'SUCCESS' | 'FAILURE';
  failure_code: string | null;
  failure_message: string | null;
  created_at: string;
}

/** One movement of a gift card's credits: the append-only ledger behind `vouchers.gift_balance`. */
export interface VoucherTransactionsTable {
  id: string;
  project_id: string;
  voucher_id: string;
  campaign_id: string | null;
  type: string;
  /** Signed: what the movement did to the balance. */
  amount: number | string;
  /** The balance after the movement. */
  balance: number | string;
  /** The lifetime credits after the movement. */
  total: number | string;
  source_id: string | null;
  source: string | null;
  reason: string | null;
  redemption_id: string | null;
  /** JSON: Voucherify's transaction `details`. */
  details: string;
  created_at: string;
}

/** A requested export; its file is rendered when downloaded with the token. */
export interface ExportsTable {
  id: string;
  project_id: string;
  exported_object: string;
  /** What is exported: the voucher, for voucher_transactions. */
  subject_id: string;
  /** JSON: the export's `parameters` (order, fields). */
  parameters: string;
  token: string;
  channel: string;
  created_at: string;
}
