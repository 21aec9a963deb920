/**
 * Orders for the discount tests: a line spec becomes a priced, calculated order. Only tests import
 * this file.
 */
import { newOrder } from '../orders/order-changes.js';
import type { OrderAmountsInput } from '../orders/order-input.js';
import { priceOrderItem } from '../orders/price-order.js';
import type { Product } from '../products/product.js';
import { type CalculatedOrder, startCalculation } from './calculated-order.js';
import type { ApplicableTarget, DiscountTargets } from './targets.js';

export const at = '2026-01-01T00:00:00.000Z';

export function productOf(id: string, price: number | null): Product {
  const base = { source_id: `src_${id}`, name: id, attributes: [], metadata: {}, image_url: null };
  return { id, price, ...base, created_at: at, updated_at: null };
}

export interface LineSpec {
  product?: string;
  price?: number;
  quantity?: number;
  amount?: number;
  discount?: number;
}

export function orderOf(lines: LineSpec[], amounts: OrderAmountsInput = {}): CalculatedOrder {
  const items = lines.map((l, i) =>
    priceOrderItem(
      { price: l.price, quantity: l.quantity, amount: l.amount, discount_amount: l.discount },
      { product: l.product ? productOf(l.product, l.price ?? null) : null, sku: null },
      i,
    ),
  );
  return startCalculation(newOrder('ord_1', { items, ...amounts }, at));
}

export const product = (id: string, extra: Partial<ApplicableTarget> = {}): ApplicableTarget => ({
  object: 'product',
  id,
  ...extra,
});
export const only = (...applicable: ApplicableTarget[]): DiscountTargets => ({ applicable, inapplicable: [] });

/** The notes' cart: $10 × 2, $15 × 3, $20 × 3. */
export const docsCart = () =>
  orderOf([
    { product: 'a', price: 1000, quantity: 2 },
    { product: 'b', price: 1500, quantity: 3 },
    { product: 'c', price: 2000, quantity: 3 },
  ]);
