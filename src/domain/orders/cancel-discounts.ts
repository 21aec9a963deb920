import type { Order } from './order.js';

/** What one redemption applied to an order: at order level and on each line, by position. */
export interface AppliedDiscounts {
  discount_amount: number;
  items: readonly number[];
}

/**
 * The order after a stacked redemption is rolled back WITH_ORDER: CANCELED, with the discounts
 * that redemption applied taken off again (a discount the order carried before stays). Units a
 * unit discount added stay on their lines: they are part of what the customer was sent.
 */
export function cancelWithDiscounts(order: Order, applied: AppliedDiscounts, now: string): Order {
  const items = order.items.map((item, index) => {
    const given = Math.min(applied.items[index] ?? 0, item.discount_amount ?? 0);
    if (given <= 0) return item;
    const discount = (item.discount_amount ?? 0) - given;
    return { ...item, discount_amount: discount, subtotal_amount: (item.amount ?? 0) - discount };
  });
  const discount = Math.max(0, order.discount_amount - applied.discount_amount);
  const itemsDiscount = items.reduce((sum, item) => sum + (item.discount_amount ?? 0), 0);
  const totalDiscount = discount + itemsDiscount;
  return {
    ...order,
    status: 'CANCELED',
    items,
    discount_amount: discount,
    items_discount_amount: itemsDiscount,
    total_discount_amount: totalDiscount,
    total_amount: Math.max(0, order.amount - totalDiscount),
    updated_at: now,
  };
}
