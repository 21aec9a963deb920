import { invalidPayload } from '../errors.js';
import type { Product, Sku } from '../products/product.js';
import type { Order, OrderItem } from './order.js';
import type { OrderAmountsInput, OrderItemInput } from './order-input.js';

/** The catalog entries an order line was matched to; either may be missing. */
export interface CatalogMatch {
  product: Product | null;
  sku: Sku | null;
}

export type OrderTotals = Pick<
  Order,
  'amount' | 'initial_amount' | 'discount_amount' | 'items_discount_amount' | 'total_discount_amount' | 'total_amount'
>;

function optional(value: number | null | undefined): number | null {
  return value ?? null;
}

/**
 * Amounts are stored as 64-bit integers and answered as JSON numbers: beyond 2^53 − 1 neither a
 * double nor the answer is exact, so a price × quantity or a sum that large is refused, not rounded.
 */
function checkSafeAmount(value: number, property: string): number {
  if (!Number.isSafeInteger(value)) {
    throw invalidPayload(`Property ${property} should not exceed ${Number.MAX_SAFE_INTEGER}, got ${value}`);
  }
  return value;
}

/**
 * One order line priced: the price is the line's own, else the SKU's, else the product's; the
 * amount is the line's own, else price × quantity (a line without a quantity counts once).
 */
export function priceOrderItem(input: OrderItemInput, match: CatalogMatch, position: number): OrderItem {
  const { product, sku } = match;
  const price = input.price ?? sku?.price ?? product?.price ?? null;
  const quantity = optional(input.quantity);
  const amount =
    input.amount ?? (price === null ? null : checkSafeAmount(price * (quantity ?? 1), `.items[${position}].amount`));
  const hasReference = product !== null || sku !== null || Boolean(input.source_id);
  if (!hasReference && amount === null) {
    throw invalidPayload(`Property .items[${position}] should name a product or SKU, or give its price or amount`);
  }
  const discount = optional(input.discount_amount);
  if (amount !== null && discount !== null && discount > amount) {
    throw invalidPayload(`Property .items[${position}].discount_amount should not exceed the line's amount ${amount}`);
  }
  const relatedObject = input.related_object ?? (sku ? 'sku' : product ? 'product' : null);
  return {
    sku_id: sku?.id ?? null,
    product_id: product?.id ?? null,
    related_object: relatedObject,
    source_id: input.source_id ?? (relatedObject === 'sku' ? sku?.source_id : product?.source_id) ?? null,
    quantity,
    discount_quantity: optional(input.discount_quantity),
    initial_quantity: optional(input.initial_quantity),
    price,
    amount,
    discount_amount: discount,
    initial_amount: optional(input.initial_amount),
    subtotal_amount: amount === null ? null : amount - (discount ?? 0),
    product: product && {
      id: product.id,
      source_id: product.source_id,
      name: product.name,
      price: product.price,
      metadata: product.metadata,
    },
    sku: sku && { id: sku.id, source_id: sku.source_id, sku: sku.sku, price: sku.price, metadata: sku.metadata },
    metadata: input.metadata ?? null,
  };
}

/**
 * The order's amounts: the amount the shop states, else the sum of the lines; discounts at order
 * and line level add up; the total never goes below zero.
 */
export function computeOrderTotals(items: readonly OrderItem[], input: OrderAmountsInput): OrderTotals {
  const linesAmount = items.reduce((sum, item) => sum + (item.amount ?? 0), 0);
  const itemsDiscount = items.reduce((sum, item) => sum + (item.discount_amount ?? 0), 0);
  const amount = input.amount ?? checkSafeAmount(linesAmount, '.amount');
  const discount = input.discount_amount ?? 0;
  const totalDiscount = checkSafeAmount(discount + itemsDiscount, '.total_discount_amount');
  return {
    amount,
    initial_amount: input.initial_amount ?? amount,
    discount_amount: discount,
    items_discount_amount: itemsDiscount,
    total_discount_amount: totalDiscount,
    total_amount: Math.max(0, amount - totalDiscount),
  };
}
