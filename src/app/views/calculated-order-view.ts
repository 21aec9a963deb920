import type { CalculatedOrder } from '../../domain/discounts/calculated-order.js';
import type { Order } from '../../domain/orders/order.js';
import { toOrderItemObject } from './order-view.js';

/**
 * Voucherify's OrderCalculated, as validations and redemptions answer it: every amount, the
 * applied_* fields saying what this request added. An order that was only previewed (never
 * stored) has no id and no timestamps.
 */
export function toCalculatedOrderObject(order: CalculatedOrder, redemptions: Record<string, unknown> = {}) {
  const stored = order.id !== '';
  return {
    ...(stored ? { id: order.id } : {}),
    source_id: order.source_id,
    ...(stored ? { created_at: order.created_at } : {}),
    ...(stored && order.updated_at ? { updated_at: order.updated_at } : {}),
    status: order.status,
    amount: order.amount,
    initial_amount: order.initial_amount,
    discount_amount: order.discount_amount,
    items_discount_amount: order.items_discount_amount,
    total_discount_amount: order.total_discount_amount,
    total_amount: order.total_amount,
    applied_discount_amount: order.applied_discount_amount,
    items_applied_discount_amount: order.items_applied_discount_amount,
    total_applied_discount_amount: order.total_applied_discount_amount,
    items: order.items.map(toOrderItemObject),
    metadata: order.metadata,
    ...(order.customer_id ? { customer: { id: order.customer_id, object: 'customer' as const } } : {}),
    ...(order.referrer_id ? { referrer: { id: order.referrer_id, object: 'customer' as const } } : {}),
    ...(order.customer_id ? { customer_id: order.customer_id } : {}),
    ...(order.referrer_id ? { referrer_id: order.referrer_id } : {}),
    object: 'order' as const,
    ...(stored ? { redemptions } : {}),
  };
}

/** The stored order after a redemption: its discount figures become the calculated ones. */
export function withCalculatedTotals(order: Order, calculated: CalculatedOrder): Order {
  return {
    ...order,
    amount: calculated.amount,
    initial_amount: calculated.initial_amount,
    discount_amount: calculated.discount_amount,
    items_discount_amount: calculated.items_discount_amount,
    total_discount_amount: calculated.total_discount_amount,
    total_amount: calculated.total_amount,
    items: calculated.items.map(
      ({ applied_discount_amount, applied_discount_quantity, applied_quantity, applied_quantity_amount, ...item }) =>
        item,
    ),
  };
}
