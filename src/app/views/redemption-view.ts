import type { Redemption } from '../../domain/redemptions/redemption.js';

/**
 * Voucherify's redemption object, or redemption_rollback. The voucher (or tier), order and customer parts
 * show what they were when it happened (the row's snapshot).
 */
export function toRedemptionObject(redemption: Redemption) {
  const isRollback = redemption.object === 'redemption_rollback';
  return {
    id: redemption.id,
    object: redemption.object,
    date: redemption.created_at,
    customer_id: redemption.customer_id,
    tracking_id: redemption.tracking_id,
    metadata: redemption.metadata,
    amount: redemption.amount,
    redemption: isRollback ? redemption.rollback_of : redemption.parent_id,
    ...(isRollback ? { reason: redemption.reason } : {}),
    result: redemption.result,
    status: redemption.status,
    ...(redemption.session_key ? { session: { key: redemption.session_key } } : {}),
    ...(isRollback
      ? {}
      : {
          related_redemptions: {
            rollbacks: redemption.rollback_id ? [{ id: redemption.rollback_id, date: redemption.updated_at }] : [],
            redemptions: [],
          },
        }),
    ...(redemption.failure_code
      ? { failure_code: redemption.failure_code, failure_message: redemption.failure_message }
      : {}),
    ...(redemption.snapshot.order ? { order: redemption.snapshot.order } : {}),
    channel: {
      ...(redemption.channel_id ? { channel_id: redemption.channel_id } : {}),
      channel_type: redemption.channel_type,
    },
    ...(redemption.snapshot.customer ? { customer: redemption.snapshot.customer } : {}),
    related_object_type: redemption.related_object_type,
    related_object_id: redemption.related_object_id,
    ...(redemption.snapshot.voucher ? { voucher: redemption.snapshot.voucher } : {}),
    ...(redemption.snapshot.promotion_tier ? { promotion_tier: redemption.snapshot.promotion_tier } : {}),
    // A gift card's redemption says how many credits it moved (negative on a rollback).
    ...(redemption.snapshot.voucher?.type === 'GIFT_VOUCHER' ? { gift: { amount: redemption.amount } } : {}),
  };
}

/** The short customer Voucherify embeds in a redemption; unknown fields are left out. */
export function toRedemptionCustomer(customer: {
  id: string;
  name: string | null;
  email: string | null;
  source_id: string | null;
  metadata: Record<string, unknown>;
}) {
  return {
    id: customer.id,
    ...(customer.name !== null ? { name: customer.name } : {}),
    ...(customer.email !== null ? { email: customer.email } : {}),
    ...(customer.source_id !== null ? { source_id: customer.source_id } : {}),
    metadata: customer.metadata,
    object: 'customer' as const,
  };
}
