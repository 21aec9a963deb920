import type { Order, OrderItem } from '../../domain/orders/order.js';

/** Keeps the fields that hold a value: Voucherify's order lines show only what they know. */
function withoutNulls<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

/** An order line as orders, validations and redemptions answer it (calculated lines included). */
export function toOrderItemObject<T extends OrderItem>(item: T) {
  return {
    object: 'order_item' as const,
    ...withoutNulls({
      ...item,
      product: item.product && withoutNulls(item.product),
      sku: item.sku && withoutNulls(item.sku),
    }),
  };
}

/**
 * Voucherify's order object. Discount figures appear once there is a discount, as in Voucherify's
 * answers, and `customer`/`referrer` once the order has one; `redemptions` lists the redemptions applied to the order (none until redemptions exist).
 */
export function toOrderObject(order: Order) {
  const discounts = Object.fromEntries(
    (['discount_amount', 'items_discount_amount', 'total_discount_amount'] as const)
      .filter((field) => order[field] !== 0)
      .map((field) => [field, order[field]]),
  );
  return {
    id: order.id,
    source_id: order.source_id,
    created_at: order.created_at,
    updated_at: order.updated_at,
    status: order.status,
    amount: order.amount,
    ...(order.initial_amount !== order.amount ? { initial_amount: order.initial_amount } : {}),
    ...discounts,
    total_amount: order.total_amount,
    items: order.items.map(toOrderItemObject),
    metadata: order.metadata,
    ...(order.customer_id ? { customer: { id: order.customer_id, object: 'customer' as const } } : {}),
    ...(order.referrer_id ? { referrer: { id: order.referrer_id, object: 'customer' as const } } : {}),
    customer_id: order.customer_id,
    referrer_id: order.referrer_id,
    redemptions: {},
    object: 'order' as const,
  };
}
