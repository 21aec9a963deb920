import type { Order, OrderItem } from '../../domain/orders/order.js';
import type { OrderRedemptionLink } from '../repositories/redemption-repository.js';

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

/** One entry of an order's `redemptions` map (Voucherify's OrderRedemptionsEntry). */
export interface OrderRedemptionEntry {
  date: string;
  related_object_type: OrderRedemptionLink['related_object_type'];
  related_object_id: string;
  related_object_parent_id?: string;
  stacked?: string[];
  rollback_id?: string;
  rollback_date?: string;
  rollback_stacked?: string[];
}

const byCreation = (a: OrderRedemptionLink, b: OrderRedemptionLink) =>
  a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * An order's `redemptions` as Voucherify shows them: one entry per redemption made with the order,
 * keyed by its id, in the order they were made. A stacked redemption is one entry, its parent's,
 * naming the children (which have no entry of their own) in `stacked`, in the order they applied;
 * a voucher's or tier's entry names its campaign. A rolled back redemption stays, with its rollback.
 */
export function toOrderRedemptions(links: readonly OrderRedemptionLink[]): Record<string, OrderRedemptionEntry> {
  const sorted = [...links].sort(byCreation);
  const ids = new Set(sorted.map((link) => link.id));
  const children = new Map<string, OrderRedemptionLink[]>();
  for (const link of sorted) {
    if (link.parent_id === null || !ids.has(link.parent_id)) continue;
    const siblings = children.get(link.parent_id);
    if (siblings) siblings.push(link);
    else children.set(link.parent_id, [link]);
  }
  const entries: [string, OrderRedemptionEntry][] = [];
  for (const link of sorted) {
    // A child whose parent is listed shows only in its parent's `stacked`.
    if (link.parent_id !== null && ids.has(link.parent_id)) continue;
    const stacked = link.related_object_type === 'redemption' ? (children.get(link.id) ?? []) : undefined;
    const stackedRollbacks = stacked?.flatMap((child) => (child.rollback_id ? [child.rollback_id] : []));
    entries.push([
      link.id,
      {
        date: link.created_at,
        related_object_type: link.related_object_type,
        related_object_id: link.related_object_id ?? link.id,
        ...(link.campaign_id && link.related_object_type !== 'redemption'
          ? { related_object_parent_id: link.campaign_id }
          : {}),
        ...(stacked ? { stacked: stacked.map((child) => child.id) } : {}),
        ...(link.rollback_id ? { rollback_id: link.rollback_id } : {}),
        ...(link.rollback_date ? { rollback_date: link.rollback_date } : {}),
        ...(stackedRollbacks?.length ? { rollback_stacked: stackedRollbacks } : {}),
      },
    ]);
  }
  return Object.fromEntries(entries);
}

/**
 * Voucherify's order object. Discount figures appear once there is a discount, as in Voucherify's
 * answers, and `customer`/`referrer` once the order has one; `redemptions` maps the successful
 * redemptions made with the order (given as `redemptions`) by id, rolled back ones included.
 */
export function toOrderObject(order: Order, redemptions: readonly OrderRedemptionLink[] = []) {
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
    redemptions: toOrderRedemptions(redemptions),
    object: 'order' as const,
  };
}
