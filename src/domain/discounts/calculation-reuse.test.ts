import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Order } from '../orders/order.js';
import { newOrder } from '../orders/order-changes.js';
import { priceOrderItem } from '../orders/price-order.js';
import { type ApplyDiscountOptions, applyDiscount, type CalculationBase } from './apply-discount.js';
import {
  type CalculatedOrder,
  clearApplied,
  settleTotals,
  settleWithOrderDiscount,
  startCalculation,
  startCalculationAt,
} from './calculated-order.js';
import { AMOUNT_EFFECTS, type Discount } from './discount.js';
import { at, productOf } from './discount-test-orders.js';
import { type ApplicableTarget, type DiscountTargets, TARGET_EFFECTS } from './targets.js';

/**
 * The shortcuts that let a request price one cart for many redeemables (a started order handed
 * back as it is, nothing cleared when nothing was applied, the totals settled in one pass, a
 * started cart raised to another amount) give exactly what the slow paths give.
 */

const PRODUCTS = ['p0', 'p1', 'p2'];
const money = fc.integer({ min: 0, max: 100_000 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const lineArb = fc.record({
  product: fc.constantFrom(...PRODUCTS),
  price: maybe(fc.integer({ min: 0, max: 50_000 })),
  quantity: maybe(fc.integer({ min: 0, max: 6 })),
  amount: maybe(money),
  discountShare: maybe(fc.integer({ min: 0, max: 100 })),
});

/** A raw order as a request brings it: lines priced, some with their own amounts and discounts. */
const rawOrderArb: fc.Arbitrary<Order> = fc
  .record({
    lines: fc.array(lineArb, { minLength: 0, maxLength: 8 }),
    orderDiscount: maybe(fc.integer({ min: 0, max: 30_000 })),
  })
  .map(({ lines, orderDiscount }) => {
    const items = lines.map((l, i) => {
      const input = { price: l.price, quantity: l.quantity, amount: l.amount };
      const match = { product: productOf(l.product, l.price ?? null), sku: null };
      const amount = priceOrderItem(input, match, i).amount ?? 0;
      // A line's own discount never exceeds its amount (the request is refused otherwise).
      const discount = l.discountShare === undefined ? undefined : Math.floor((amount * l.discountShare) / 100);
      return priceOrderItem({ ...input, discount_amount: discount }, match, i);
    });
    return newOrder('ord_reuse', { items, discount_amount: orderDiscount }, at);
  });

const discountArb: fc.Arbitrary<Discount> = fc.oneof(
  fc.record(
    { type: fc.constant('AMOUNT'), amount_off: money, effect: fc.constantFrom(...AMOUNT_EFFECTS) },
    { requiredKeys: ['type', 'amount_off'] },
  ),
  fc.record(
    {
      type: fc.constant('PERCENT'),
      percent_off: fc.integer({ min: 1, max: 10_000 }).map((hundredths) => hundredths / 100),
      amount_limit: maybe(money),
      effect: fc.constantFrom('APPLY_TO_ORDER', 'APPLY_TO_ITEMS'),
    },
    { requiredKeys: ['type', 'percent_off'] },
  ),
  fc.record(
    { type: fc.constant('FIXED'), fixed_amount: money, effect: fc.constantFrom('APPLY_TO_ORDER', 'APPLY_TO_ITEMS') },
    { requiredKeys: ['type', 'fixed_amount'] },
  ),
  fc.record({
    type: fc.constant('UNIT'),
    unit_off: fc.integer({ min: 1, max: 3 }),
    unit_type: fc.constantFrom(...PRODUCTS, 'p-missing'),
    effect: fc.constantFrom('ADD_MISSING_ITEMS', 'ADD_NEW_ITEMS'),
  }),
) as fc.Arbitrary<Discount>;

const targetArb: fc.Arbitrary<ApplicableTarget> = fc.record(
  {
    object: fc.constant('product' as const),
    id: fc.constantFrom(...PRODUCTS),
    effect: maybe(fc.constantFrom(...TARGET_EFFECTS)),
    quantity_limit: maybe(fc.integer({ min: 0, max: 4 })),
    aggregated_amount_limit: maybe(money),
  },
  { requiredKeys: ['object', 'id'] },
);
const targetsArb: fc.Arbitrary<DiscountTargets> = fc.record({
  applicable: fc.array(targetArb, { maxLength: 2 }),
  inapplicable: fc.array(targetArb, { maxLength: 1 }),
});
const stepArb = fc.record({
  discount: discountArb,
  targets: targetsArb,
  base: fc.constantFrom<CalculationBase>('DISCOUNTED_AMOUNT', 'INITIAL_AMOUNT'),
});

const options = (base: CalculationBase): ApplyDiscountOptions => ({
  base,
  catalog: (id) => (PRODUCTS.includes(id) ? { product: productOf(id, 700), sku: null } : undefined),
});

/** clearApplied as it was written before its shortcut: every line copied. */
function clearEveryLine(order: CalculatedOrder): CalculatedOrder {
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

/** settleTotals as it was written before its one-pass loop. */
function settleByArrays(order: CalculatedOrder): CalculatedOrder {
  const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
  const itemsDiscount = sum(order.items.map((item) => item.discount_amount));
  const itemsApplied = sum(order.items.map((item) => item.applied_discount_amount));
  const totalDiscount = order.discount_amount + itemsDiscount;
  return {
    ...order,
    items_discount_amount: itemsDiscount,
    total_discount_amount: totalDiscount,
    total_amount: Math.max(0, order.amount - totalDiscount),
    items_applied_discount_amount: itemsApplied,
    total_applied_discount_amount: order.applied_discount_amount + itemsApplied,
  };
}

/** The same value, keys in the same order (the answer is JSON). */
function expectSameValue(actual: unknown, expected: unknown): void {
  expect(actual).toStrictEqual(expected);
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
}

/** Every order a chain of applications passes through, the started one first. */
function ordersAlong(
  raw: Order,
  steps: readonly { discount: Discount; targets: DiscountTargets; base: CalculationBase }[],
) {
  const orders = [startCalculation(raw)];
  for (const { discount, targets, base } of steps) {
    orders.push(applyDiscount(orders.at(-1) as CalculatedOrder, discount, targets, options(base)).order);
  }
  return orders;
}

describe('pricing one cart for many redeemables', () => {
  it('hands a started order back as it is, equal to starting it afresh', () => {
    fc.assert(
      fc.property(rawOrderArb, (raw) => {
        const started = startCalculation(raw);
        expect(startCalculation(started)).toBe(started);
        // A copy is not known as started: it takes the slow path, and gets the same order.
        expectSameValue(startCalculation({ ...started }), started);
      }),
    );
  });

  it('gives each redeemable priced from one shared start what a fresh start gives, and leaves the start as it was', () => {
    fc.assert(
      fc.property(rawOrderArb, fc.array(stepArb, { minLength: 1, maxLength: 6 }), (raw, steps) => {
        const shared = startCalculation(raw);
        const before = structuredClone(shared);
        for (const { discount, targets, base } of steps) {
          const reused = applyDiscount(shared, discount, targets, options(base));
          const fresh = applyDiscount(startCalculation(structuredClone(raw)), discount, targets, options(base));
          expectSameValue(reused, fresh);
        }
        expectSameValue(shared, before);
      }),
    );
  });

  it('clears what was applied exactly as copying every line does, whether or not anything was applied', () => {
    fc.assert(
      fc.property(rawOrderArb, fc.array(stepArb, { maxLength: 4 }), (raw, steps) => {
        for (const order of ordersAlong(raw, steps)) {
          expectSameValue(clearApplied(order), clearEveryLine(order));
          const cleared = clearApplied(order);
          expectSameValue(clearApplied(cleared), clearEveryLine(cleared));
        }
      }),
    );
  });

  it('settles totals in one pass as the sums over arrays did', () => {
    fc.assert(
      fc.property(
        rawOrderArb,
        fc.array(stepArb, { maxLength: 4 }),
        fc.integer({ min: 0, max: 50_000 }),
        (raw, steps, extra) => {
          for (const order of ordersAlong(raw, steps)) {
            expectSameValue(settleTotals(order), settleByArrays(order));
            // Unsettled sums too: a step that changed the order's discount before settling.
            const moved = { ...order, discount_amount: order.discount_amount + extra };
            expectSameValue(settleTotals(moved), settleByArrays(moved));
            // An order-level discount settled in one step, as applyToOrder once spread it, then settled it.
            const spread = { ...moved, applied_discount_amount: extra };
            expectSameValue(settleWithOrderDiscount(order, moved.discount_amount, extra), settleByArrays(spread));
          }
        },
      ),
    );
  });

  it('raises a started cart to another amount as starting the raised cart does', () => {
    fc.assert(
      fc.property(rawOrderArb, money, money, stepArb, (raw, amount, initial, { discount, targets, base }) => {
        const raised = startCalculation({ ...raw, amount, initial_amount: initial });
        const fromStart = startCalculationAt(startCalculation(raw), amount, initial);
        expect(fromStart).toStrictEqual(raised);
        expect(startCalculation(fromStart)).toBe(fromStart);
        expect(startCalculationAt(raw, amount, initial)).toStrictEqual(raised);
        expectSameValue(
          applyDiscount(fromStart, discount, targets, options(base)).discount_amount,
          applyDiscount(raised, discount, targets, options(base)).discount_amount,
        );
      }),
    );
  });
});
