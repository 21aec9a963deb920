import type { Order, OrderItem } from '../orders/order.js';

/** An order line under calculation: its amounts are known numbers, cumulative unless named applied_*. */
export interface CalculatedOrderItem extends OrderItem {
  amount: number;
  /** All item-level discounts on this line so far. */
  discount_amount: number;
  /** amount − discount_amount, never below zero. */
  subtotal_amount: number;
  /** The line before any discount or added unit. */
  initial_amount: number;
  /** Units given for free by unit discounts so far. */
  discount_quantity: number;
  /** What the latest application did to this line. */
  applied_discount_amount: number;
  applied_discount_quantity: number;
  /** Units the latest application added, and their amount. */
  applied_quantity: number;
  applied_quantity_amount: number;
}

/** Voucherify's OrderCalculated: the order's totals add up after every application. */
export interface CalculatedOrder extends Order {
  items: CalculatedOrderItem[];
  /** What the latest application gave at order level, on lines, and both. */
  applied_discount_amount: number;
  items_applied_discount_amount: number;
  total_applied_discount_amount: number;
}

export function startItemCalculation(item: OrderItem): CalculatedOrderItem {
  const amount = item.amount ?? 0;
  const discount = Math.min(item.discount_amount ?? 0, amount);
  // Every field named rather than spread: V8 builds a literal of known shape many times faster
  // than a spread it then extends, and a cart is started once per redeemable it is priced for.
  return {
    sku_id: item.sku_id,
    product_id: item.product_id,
    related_object: item.related_object,
    source_id: item.source_id,
    quantity: item.quantity,
    price: item.price,
    product: item.product,
    sku: item.sku,
    metadata: item.metadata,
    amount,
    discount_amount: discount,
    subtotal_amount: amount - discount,
    initial_amount: item.initial_amount ?? amount,
    initial_quantity: item.initial_quantity ?? item.quantity,
    discount_quantity: item.discount_quantity ?? 0,
    applied_discount_amount: 0,
    applied_discount_quantity: 0,
    applied_quantity: 0,
    applied_quantity_amount: 0,
  };
}

/**
 * Orders startCalculation made. Calculated orders are values nobody mutates (every step returns a
 * new one), and starting a started order again gives an equal order, so it is returned as it is:
 * a request pricing a cart for many redeemables starts it once and hands the started order on.
 */
const started = new WeakSet<CalculatedOrder>();

/** The order as the engine takes it: every line's amounts known, nothing applied yet. */
export function startCalculation(order: Order): CalculatedOrder {
  if (started.has(order as CalculatedOrder)) return order as CalculatedOrder;
  const calculated = settleTotals({
    ...order,
    items: order.items.map(startItemCalculation),
    applied_discount_amount: 0,
    items_applied_discount_amount: 0,
    total_applied_discount_amount: 0,
  });
  started.add(calculated);
  return calculated;
}

/**
 * startCalculation of the order with its stated amounts replaced. From an order startCalculation
 * made, its lines are kept as they are (a line starts on its own, whatever the order's amount), so
 * a cart priced at several amounts (spend-more hints) starts its lines once.
 */
export function startCalculationAt(order: Order, amount: number, initialAmount: number): CalculatedOrder {
  const raised = { ...order, amount, initial_amount: initialAmount };
  if (!started.has(order as CalculatedOrder)) return startCalculation(raised);
  const calculated = settleTotals(raised as CalculatedOrder);
  started.add(calculated);
  return calculated;
}

/** Whether no application is recorded on the order or any line: clearing it would change nothing. */
function hasNothingApplied(order: CalculatedOrder): boolean {
  if (order.applied_discount_amount !== 0 || order.items_applied_discount_amount !== 0) return false;
  if (order.total_applied_discount_amount !== 0) return false;
  for (const item of order.items) {
    if (item.applied_discount_amount !== 0 || item.applied_discount_quantity !== 0) return false;
    if (item.applied_quantity !== 0 || item.applied_quantity_amount !== 0) return false;
  }
  return true;
}

/** Clears what the previous application did, keeping the cumulative amounts. */
export function clearApplied(order: CalculatedOrder): CalculatedOrder {
  // A started order (the usual first application) has nothing to clear: no copy of its lines.
  if (hasNothingApplied(order)) return order;
  return {
    ...order,
    items: order.items.map((item) => ({
      ...item,
      applied_discount_amount: 0,
      applied_discount_quantity: 0,
      applied_quantity: 0,
      applied_quantity_amount: 0,
    })),
    applied_discount_amount: 0,
    items_applied_discount_amount: 0,
    total_applied_discount_amount: 0,
  };
}

/** Gives a line more discount; callers keep `amount` within its subtotal. */
export function discountItem(item: CalculatedOrderItem, amount: number): CalculatedOrderItem {
  if (amount === 0) return item;
  return {
    ...item,
    discount_amount: item.discount_amount + amount,
    subtotal_amount: item.subtotal_amount - amount,
    applied_discount_amount: item.applied_discount_amount + amount,
  };
}

/**
 * Recomputes the order's sums from its parts, so they always agree: line discounts add up to
 * items_discount_amount, both levels to total_discount_amount, and the total never goes below zero
 * (it could only when the shop states an amount smaller than its lines).
 */
export function settleTotals(order: CalculatedOrder): CalculatedOrder {
  return settleWithOrderDiscount(order, order.discount_amount, order.applied_discount_amount);
}

/**
 * settleTotals of the order with its order-level discount and what the latest application gave at
 * order level replaced: one new order, where spreading the changes first would make two.
 */
export function settleWithOrderDiscount(
  order: CalculatedOrder,
  discountAmount: number,
  appliedDiscountAmount: number,
): CalculatedOrder {
  // One pass, no intermediate arrays: this runs once per redeemable priced on the cart.
  let itemsDiscount = 0;
  let itemsApplied = 0;
  for (const item of order.items) {
    itemsDiscount += item.discount_amount;
    itemsApplied += item.applied_discount_amount;
  }
  const totalDiscount = discountAmount + itemsDiscount;
  return {
    ...order,
    discount_amount: discountAmount,
    applied_discount_amount: appliedDiscountAmount,
    items_discount_amount: itemsDiscount,
    total_discount_amount: totalDiscount,
    total_amount: Math.max(0, order.amount - totalDiscount),
    items_applied_discount_amount: itemsApplied,
    total_applied_discount_amount: appliedDiscountAmount + itemsApplied,
  };
}
