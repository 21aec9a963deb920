import {
  type CalculatedOrder,
  clearApplied,
  discountItem,
  settleTotals,
  settleWithOrderDiscount,
} from './calculated-order.js';
import { type Discount, type DiscountEffect, type ItemEffect, resolveEffect, type ValueDiscount } from './discount.js';
import { buildItemSlots, type CalculationBase, computeItemDiscounts } from './item-effects.js';
import { percentOf, scaleDownTo } from './money-math.js';
import { type DiscountTargets, hasTargets, NO_TARGETS } from './targets.js';
import { applyUnitDiscount, type CatalogLookup, type MissingProduct } from './unit-effects.js';

export type { CalculationBase } from './item-effects.js';
export type { CatalogLookup, MissingProduct } from './unit-effects.js';

export interface ApplyDiscountOptions {
  /** What a discount is computed on: the running totals (default) or the order as first sent. */
  base?: CalculationBase;
  /** Prices and names of products a unit discount adds when the order lacks them. */
  catalog?: CatalogLookup;
}

export interface DiscountApplication {
  /** The order after this discount; its applied_* fields say what this discount did. */
  order: CalculatedOrder;
  /** What this discount gave, at order level or over lines. */
  discount_amount: number;
  /** The effect in force, the default resolved. */
  effect: DiscountEffect;
  /** Positions of the lines this discount changed, ascending. */
  applied_items: number[];
  /** Free units the engine could not price; when any, the order is returned unchanged. */
  missing_products: MissingProduct[];
}

/**
 * The order-level discount: AMOUNT takes amount_off, PERCENT its share of the base capped by
 * amount_limit, FIXED brings the base down to fixed_amount. Never more than the order has left.
 */
function computeOrderDiscount(discount: ValueDiscount, order: CalculatedOrder, mode: CalculationBase): number {
  const base = mode === 'INITIAL_AMOUNT' ? order.initial_amount : order.total_amount;
  const limit = discount.type === 'FIXED' ? undefined : discount.aggregated_amount_limit;
  const wanted = (() => {
    switch (discount.type) {
      case 'AMOUNT':
        return discount.amount_off;
      case 'PERCENT':
        return Math.min(percentOf(base, discount.percent_off), discount.amount_limit ?? Number.POSITIVE_INFINITY);
      case 'FIXED':
        return base - discount.fixed_amount;
    }
  })();
  return Math.max(0, Math.min(wanted, base, order.total_amount, limit ?? Number.POSITIVE_INFINITY));
}

function applyToOrder(order: CalculatedOrder, discount: ValueDiscount, mode: CalculationBase): CalculatedOrder {
  const amount = computeOrderDiscount(discount, order, mode);
  return settleWithOrderDiscount(order, order.discount_amount + amount, amount);
}

function applyToItems(
  order: CalculatedOrder,
  discount: ValueDiscount,
  effect: ItemEffect,
  targets: DiscountTargets,
  mode: CalculationBase,
): [CalculatedOrder, number[]] {
  const slots = buildItemSlots(order.items, targets, mode);
  // A discount never gives more than the order has left, so its total stays amount − discounts.
  const amounts = scaleDownTo(order.total_amount, computeItemDiscounts(discount, effect, slots));
  const items = [...order.items];
  const applied: number[] = [];
  slots.forEach((slot, k) => {
    const amount = amounts[k] ?? 0;
    const item = items[slot.index];
    if (amount <= 0 || !item) return;
    items[slot.index] = discountItem(item, amount);
    applied.push(slot.index);
  });
  return [settleTotals({ ...order, items }), applied];
}

/**
 * Applies one discount to an order prepared by `startCalculation`, returning a new order (the
 * given one is left as it is). Applying several in a row stacks them: each sees the running
 * totals unless `options.base` is INITIAL_AMOUNT. `targets` are the applicable and inapplicable
 * products the caller resolved from the validation rules; they decide the default effect and
 * which lines item effects reach. Unit discounts name their product and ignore them.
 */
export function applyDiscount(
  order: CalculatedOrder,
  discount: Discount,
  targets: DiscountTargets = NO_TARGETS,
  options: ApplyDiscountOptions = {},
): DiscountApplication {
  const start = clearApplied(order);
  const mode = options.base ?? 'DISCOUNTED_AMOUNT';
  if (discount.type === 'UNIT') {
    return { ...applyUnitDiscount(start, discount, options.catalog), effect: discount.effect };
  }
  const effect = resolveEffect(discount, hasTargets(targets));
  if (effect === 'APPLY_TO_ORDER') {
    const result = applyToOrder(start, discount, mode);
    return {
      order: result,
      discount_amount: result.applied_discount_amount,
      effect,
      applied_items: [],
      missing_products: [],
    };
  }
  const [result, applied] = applyToItems(start, discount, effect, targets, mode);
  return {
    order: result,
    discount_amount: result.items_applied_discount_amount,
    effect,
    applied_items: applied,
    missing_products: [],
  };
}
