import type { Customer } from '../../domain/customers/customer.js';
import type { CalculatedOrder } from '../../domain/discounts/calculated-order.js';
import { AppError } from '../../domain/errors.js';
import type { Metadata } from '../../domain/metadata.js';
import type { Order } from '../../domain/orders/order.js';
import type { ChannelType, Redemption } from '../../domain/redemptions/redemption.js';
import type { ProjectContext } from '../context.js';
import { earlierOrderRedemptions } from '../orders/earlier-order-redemptions.js';
import { type PreparedOrder, saveOrder } from '../orders/upsert-order.js';
import type { ProjectStore } from '../ports.js';
import { withCalculatedTotals } from '../views/calculated-order-view.js';
import { toErrorObject } from '../views/error-view.js';
import { toRedemptionCustomer } from '../views/redemption-view.js';
import type { Answer } from './idempotent.js';
import { storeRedemption } from './store-redemption.js';
import { trackingIdFor, type VoucherRequest } from './voucher-request.js';

/** What one redemption request is about: the customer and order it named, and the object redeemed. */
export interface RedemptionSubject {
  customer: Customer | null;
  order: Order | null;
  request: VoucherRequest;
  channel: { type: ChannelType; id: string | null };
  related: {
    type: 'voucher' | 'promotion_tier';
    id: string;
    campaignId: string | null;
    /** A voucher's code, which a tier has none of. */
    voucherCode: string | null;
  };
}

/** A successful redemption of the subject, not yet stored; the caller adds the order and the discount. */
export function newRedemption(ctx: ProjectContext, subject: RedemptionSubject, id: string): Redemption {
  const { customer, order, request, channel, related } = subject;
  const isVoucher = related.type === 'voucher';
  return {
    id,
    object: 'redemption',
    result: 'SUCCESS',
    status: 'SUCCEEDED',
    customer_id: customer?.id ?? null,
    tracking_id: trackingIdFor(request, customer?.source_id ?? null),
    metadata: request.metadata ?? {},
    amount: 0,
    discount_amount: 0,
    order_amount: order?.amount ?? null,
    order_id: order?.id ?? null,
    voucher_id: isVoucher ? related.id : null,
    voucher_code: isVoucher ? related.voucherCode : null,
    campaign_id: related.campaignId,
    related_object_type: related.type,
    related_object_id: related.id,
    parent_id: null,
    rollback_of: null,
    rollback_id: null,
    reason: null,
    failure_code: null,
    failure_message: null,
    channel_type: channel.type,
    channel_id: channel.id,
    session_key: null,
    snapshot: { voucher: null, order: null, customer: customer && toRedemptionCustomer(customer) },
    created_at: ctx.clock.now().toISOString(),
    updated_at: null,
  };
}

/**
 * A refused attempt is stored too (an `rf_` redemption, with what was redeemed as `snapshot`
 * holds it) and answered with the reason as a 400 naming the stored failure.
 */
export async function refuseRedemption(
  ctx: ProjectContext,
  store: ProjectStore,
  subject: RedemptionSubject,
  error: AppError,
  snapshot: Partial<Redemption['snapshot']>,
  details: string,
): Promise<Answer> {
  const base = newRedemption(ctx, subject, ctx.ids.newId('rf_'));
  const failed: Redemption = {
    ...base,
    result: 'FAILURE',
    status: 'FAILED',
    failure_code: error.key,
    failure_message: error.message,
    snapshot: { ...base.snapshot, ...snapshot },
  };
  await storeRedemption(ctx, store, failed, 'redemption.failed');
  const answered = new AppError(error.key, {
    message: error.message,
    details,
    resource_id: failed.id,
    resource_type: 'redemption',
  });
  return { status: answered.code, body: toErrorObject(answered, ctx.requestId ?? '') };
}

/** How an answer shows the order a redemption priced, with the redemptions it carries. */
export type RedeemedOrderPresenter = (
  order: CalculatedOrder,
  redemptions: Record<string, unknown>,
) => Record<string, unknown>;

/**
 * Stores the order with the redemption's discount and records it on the redemption: its id, the
 * discount given, the order's amount (what campaign budgets add up) and the order as answered.
 */
export async function recordRedeemedOrder(
  store: ProjectStore,
  redemption: Redemption,
  prepared: PreparedOrder,
  calculated: CalculatedOrder,
  present: RedeemedOrderPresenter,
): Promise<void> {
  const updatedOrder = await saveOrder(store, { ...prepared, order: withCalculatedTotals(prepared.order, calculated) });
  redemption.order_id = updatedOrder.id;
  redemption.discount_amount = calculated.total_applied_discount_amount;
  redemption.order_amount = calculated.amount;
  redemption.snapshot.order = present(
    { ...calculated, id: updatedOrder.id, updated_at: updatedOrder.updated_at },
    {
      ...(await earlierOrderRedemptions(store, prepared, updatedOrder.id)),
      [redemption.id]: {
        date: redemption.created_at,
        related_object_type: redemption.related_object_type,
        related_object_id: redemption.related_object_id,
        ...(redemption.campaign_id ? { related_object_parent_id: redemption.campaign_id } : {}),
      },
    },
  );
}

/** What a rollback request says of itself, and who asks. */
export interface RollbackContext {
  request: { reason?: string | null; tracking_id?: string | null; metadata?: Metadata | null };
  channel: { type: ChannelType; id: string | null };
  /** The customer the rollback request named, upserted; the redemption's own otherwise. */
  customer: Customer | null;
  now: string;
}

/**
 * The rollback of a successful redemption, as stored: the redemption's subject, the request's
 * reason, tracking id and metadata, and credits or points going back as a negative amount. A
 * stacked rollback's children name the parent rollback.
 */
export function rollbackRecord(
  redemption: Redemption,
  id: string,
  rollback: RollbackContext,
  parentRollbackId: string | null = null,
): Redemption {
  const { request, channel, customer, now } = rollback;
  return {
    ...redemption,
    id,
    object: 'redemption_rollback',
    result: 'SUCCESS',
    status: 'SUCCEEDED',
    customer_id: customer?.id ?? redemption.customer_id,
    tracking_id: request.tracking_id ?? redemption.tracking_id,
    metadata: request.metadata ?? {},
    amount: -redemption.amount,
    discount_amount: 0,
    parent_id: parentRollbackId,
    rollback_of: redemption.id,
    rollback_id: null,
    reason: request.reason ?? null,
    channel_type: channel.type,
    channel_id: channel.id,
    snapshot: {
      ...redemption.snapshot,
      customer: customer ? toRedemptionCustomer(customer) : redemption.snapshot.customer,
    },
    created_at: now,
    updated_at: null,
  };
}
