import type { Metadata } from '../metadata.js';

export type PublicationResult = 'SUCCESS' | 'FAILURE';

/** Codes handed to one customer in one request, or a refused attempt at it. */
export interface Publication {
  id: string;
  /** The shop's own id for the publication; unique among successful ones. */
  source_id: string | null;
  customer_id: string;
  /** The customer's source_id when published, as Voucherify's `tracking_id`. */
  tracking_id: string | null;
  campaign_id: string | null;
  campaign_name: string | null;
  /** The vouchers handed out, in order; empty for a failure. */
  voucher_ids: string[];
  voucher_codes: string[];
  voucher_type: string | null;
  is_referral_code: boolean;
  channel: string;
  metadata: Metadata;
  result: PublicationResult;
  failure_code: string | null;
  failure_message: string | null;
  created_at: string;
}

/** Voucherify's limit on codes one publication hands out. */
export const MAX_PUBLICATION_COUNT = 50;
