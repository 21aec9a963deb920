import type { Metadata } from '../metadata.js';

export type RedemptionObject = 'redemption' | 'redemption_rollback';
export type RedemptionResult = 'SUCCESS' | 'FAILURE';
export type RedemptionStatus = 'SUCCEEDED' | 'FAILED' | 'ROLLED_BACK';
/** USER: from the dashboard; API: a server or client key; AUTO_REDEEM: Vouch itself. */
export type ChannelType = 'USER' | 'API' | 'AUTO_REDEEM';

/**
 * What the answer shows of the redeemed object and the order at the moment of the redemption:
 * kept with the row, so reading a redemption later shows what happened then.
 */
export interface RedemptionSnapshot {
  voucher: Record<string, unknown> | null;
  order: Record<string, unknown> | null;
  customer: Record<string, unknown> | null;
  /** A promotion tier's redemption: the tier as it was. */
  promotion_tier?: Record<string, unknown> | null;
  /** A stacked redemption's parent: its children's ids, in the order they applied. */
  stacked?: string[];
}

/** A redemption or a rollback of one, successful or failed (`rf_` ids are failed attempts). */
export interface Redemption {
  id: string;
  object: RedemptionObject;
  result: RedemptionResult;
  status: RedemptionStatus;
  customer_id: string | null;
  tracking_id: string | null;
  metadata: Metadata;
  /** Gift credits or loyalty points moved (negative on a rollback); 0 for a plain discount. */
  amount: number;
  /** The discount this redemption gave (its order's applied discount); what summaries add up. */
  discount_amount: number;
  /** The amount of the order it was made with, as it was then; what campaign orders budgets add up. */
  order_amount: number | null;
  order_id: string | null;
  voucher_id: string | null;
  voucher_code: string | null;
  campaign_id: string | null;
  related_object_type: 'voucher' | 'promotion_tier' | 'redemption';
  related_object_id: string | null;
  parent_id: string | null;
  /** On a rollback: the redemption it rolls back. */
  rollback_of: string | null;
  /** On a redemption that was rolled back: its rollback. */
  rollback_id: string | null;
  reason: string | null;
  failure_code: string | null;
  failure_message: string | null;
  channel_type: ChannelType;
  channel_id: string | null;
  session_key: string | null;
  snapshot: RedemptionSnapshot;
  created_at: string;
  updated_at: string | null;
}
