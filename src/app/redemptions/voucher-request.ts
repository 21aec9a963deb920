import type { Metadata } from '../../domain/metadata.js';
import type { SessionRequest } from '../../domain/sessions/validation-session.js';
import type { CustomerUpsert } from '../customers/upsert-customer.js';
import type { GiftCreditsRequest } from '../gift-cards/gift-request.js';
import type { OrderUpsert } from '../orders/upsert-order.js';
import type { LoadedVoucher } from './load-voucher.js';

/** What validating or redeeming one voucher may carry (Voucherify's legacy validate/redeem body). */
export interface VoucherRequest {
  customer?: CustomerUpsert | null;
  order?: OrderUpsert | null;
  metadata?: Metadata | null;
  tracking_id?: string | null;
  /** A validation opens (or renews) a session that reserves a use; a redemption names its own to use it. */
  session?: SessionRequest | null;
  /** A gift card's use: the credits to take (else as much as the order has left). */
  gift?: GiftCreditsRequest | null;
}

/** Turns a voucher into the voucher object answers embed (the HTTP layer knows the asset links). */
export type VoucherPresenter = (voucher: LoadedVoucher) => Record<string, unknown>;

/** Voucherify's tracking id for a customer: stable, derived from the customer, never the raw id. */
export function trackingIdFor(
  request: { tracking_id?: string | null },
  customerSourceId: string | null,
): string | null {
  if (request.tracking_id) return request.tracking_id;
  if (!customerSourceId) return null;
  return `track_${Buffer.from(customerSourceId, 'utf8').toString('base64url')}`;
}
