import type { VoucherTransaction } from '../../domain/gift-cards/voucher-transaction.js';

/** Voucherify's voucher transaction object. */
export function toVoucherTransactionObject(t: VoucherTransaction) {
  return {
    id: t.id,
    source_id: t.source_id,
    voucher_id: t.voucher_id,
    campaign_id: t.campaign_id,
    source: t.source,
    reason: t.reason,
    type: t.type,
    details: t.details,
    related_transaction_id: null,
    created_at: t.created_at,
  };
}
