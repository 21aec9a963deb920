import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newOrder } from '../orders/order-changes.js';
import { priceOrderItem } from '../orders/price-order.js';
import type { Product } from '../products/product.js';
import { type ApplyDiscountOptions, applyDiscount, type CalculationBase } from './apply-discount.js';
import { type CalculatedOrder, startCalculation } from './calculated-order.js';
import { AMOUNT_EFFECTS, type Discount, UNIT_EFFECTS } from './discount.js';
import { type ApplicableTarget, type DiscountTargets, TARGET_EFFECTS } from './targets.js';

const at = '2026-01-01T00:00:00.000Z';
const PRODUCT_IDS = ['p0', 'p1', 'p2', 'p3', 'p4'];
const CATALOG = new Map(PRODUCT_IDS.map((id, i) => [id, productOf(id, 500 * (i + 1))]));

function productOf(id: string, price: number): Product {
  const base = { source_id: null, name: id, attributes: [], metadata: {}, image_url: null };
  return { id, price, ...base, created_at: at, updated_at: null };
}

interface LineSpec {
  product: string;
  price: number;
  quantity: number;
}

function orderOf(lines: readonly LineSpec[]): CalculatedOrder {
  const items = lines.map((l, i) =>
    priceOrderItem({ price: l.price, quantity: l.quantity }, { product: CATALOG.get(l.product) ?? null, sku: null }, i),
  );
  return startCalculation(newOrder('ord_1', { items }, at));
}

const options = (base: CalculationBase): ApplyDiscountOptions => ({
  base,
  catalog: (id) => {
    const product = CATALOG.get(id);
    return product && { product, sku: null };
  },
});

const money = fc.integer({ min: 0, max: 200_000 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const productId = fc.constantFrom(...PRODUCT_IDS);

const lineArb = fc.record({
  product: productId,
  price: fc.integer({ min: 0, max: 100_000 }),
  quantity: fc.integer({ min: 0, max: 12 }),
});
const linesArb = fc.array(lineArb, { minLength: 1, maxLength: 8 });
const percentArb = fc.integer({ min: 1, max: 10_000 }).map((hundredths) => hundredths / 100);

const discountArb: fc.Arbitrary<Discount> = fc.oneof(
  fc.record(
    { type: fc.constant('AMOUNT'), amount_off: money, effect: fc.constantFrom(...AMOUNT_EFFECTS) },
    { requiredKeys: ['type', 'amount_off'] },
  ),
  fc.record(
    {
      type: fc.constant('PERCENT'),
      percent_off: percentArb,
      amount_limit: maybe(money),
      aggregated_amount_limit: maybe(money),
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
    unit_off: fc.integer({ min: 1, max: 4 }),
    unit_type: productId,
    effect: fc.constantFrom(...UNIT_EFFECTS),
  }),
) as fc.Arbitrary<Discount>;

const targetArb: fc.Arbitrary<ApplicableTarget> = fc.record(
  {
    object: fc.constant('product' as const),
    id: productId,
    price: maybe(money),
    effect: maybe(fc.constantFrom(...TARGET_EFFECTS)),
    quantity_limit: maybe(fc.integer({ min: 0, max: 6 })),
    aggregated_quantity_limit: maybe(fc.integer({ min: 0, max: 10 })),
    amount_limit: maybe(money),
    aggregated_amount_limit: maybe(money),
  },
  { requiredKeys: ['object', 'id'] },
);
const targetsArb: fc.Arbitrary<DiscountTargets> = fc.record({
  applicable: fc.array(targetArb, { maxLength: 3 }),
  inapplicable: fc.array(targetArb, { maxLength: 1 }),
});
const baseArb = fc.constantFrom<CalculationBase>('DISCOUNTED_AMOUNT', 'INITIAL_AMOUNT');
const stepArb = fc.record({ discount: discountArb, targets: targetsArb, base: baseArb });

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

function expectConsistent(order: CalculatedOrder): void {
  for (const item of order.items) {
    expect(item.discount_amount).toBeGreaterThanOrEqual(0);
    expect(item.discount_amount).toBeLessThanOrEqual(item.amount);
    expect(item.subtotal_amount).toBe(item.amount - item.discount_amount);
    expect(item.applied_discount_amount).toBeGreaterThanOrEqual(0);
    expect(Number.isSafeInteger(item.discount_amount)).toBe(true);
  }
  expect(order.amount).toBe(sum(order.items.map((item) => item.amount)));
  expect(order.items_discount_amount).toBe(sum(order.items.map((item) => item.discount_amount)));
  expect(order.items_applied_discount_amount).toBe(sum(order.items.map((item) => item.applied_discount_amount)));
  expect(order.total_discount_amount).toBe(order.discount_amount + order.items_discount_amount);
  expect(order.total_applied_discount_amount).toBe(order.applied_discount_amount + order.items_applied_discount_amount);
  expect(order.total_amount).toBe(order.amount - order.total_discount_amount);
  expect(order.total_amount).toBeGreaterThanOrEqual(0);
}

describe('applyDiscount properties', () => {
  it('keeps every total consistent, never negative, never lowering the discount, over stacked discounts', () => {
    fc.assert(
      fc.property(linesArb, fc.array(stepArb, { minLength: 1, maxLength: 4 }), (lines, steps) => {
        let order = orderOf(lines);
        for (const { discount, targets, base } of steps) {
          const result = applyDiscount(order, discount, targets, options(base));
          expectConsistent(result.order);
          expect(result.discount_amount).toBe(result.order.total_applied_discount_amount);
          expect(result.order.total_discount_amount).toBeGreaterThanOrEqual(order.total_discount_amount);
          expect(result.missing_products).toEqual([]);
          order = result.order;
        }
      }),
    );
  });

  it('splits a proportional amount so the parts sum to it, or to all that is left', () => {
    const effect = fc.constantFrom('APPLY_TO_ITEMS_PROPORTIONALLY', 'APPLY_TO_ITEMS_PROPORTIONALLY_BY_QUANTITY');
    fc.assert(
      fc.property(linesArb, money, effect, (lines, amountOff, chosen) => {
        const order = orderOf(lines);
        const result = applyDiscount(order, { type: 'AMOUNT', amount_off: amountOff, effect: chosen });
        const applied = result.order.items.map((item) => item.applied_discount_amount);
        const units = (i: number) => order.items[i]?.quantity ?? 0;
        const room = sum(
          order.items.map((item, i) => (chosen.endsWith('QUANTITY') && units(i) === 0 ? 0 : item.amount)),
        );
        expect(sum(applied)).toBe(Math.min(amountOff, room));
        expect(result.discount_amount).toBe(sum(applied));
      }),
    );
  });

  const permutedArb = linesArb.chain((lines) =>
    fc.record({
      lines: fc.constant(lines),
      order: fc.shuffledSubarray(
        lines.map((_, i) => i),
        { minLength: lines.length, maxLength: lines.length },
      ),
    }),
  );

  function applyBothWays(lines: readonly LineSpec[], permutation: readonly number[], discount: Discount) {
    const targets = { applicable: [], inapplicable: [{ object: 'product' as const, id: 'p4' }] };
    const straight = applyDiscount(orderOf(lines), discount, targets).order;
    const shuffled = applyDiscount(orderOf(permutation.map((i) => lines[i] as LineSpec)), discount, targets).order;
    const back = (order: CalculatedOrder) =>
      permutation.map((_, k) => order.items[permutation.indexOf(k)]?.discount_amount ?? 0);
    return { straight, shuffled, straightLines: straight.items.map((i) => i.discount_amount), back: back(shuffled) };
  }

  it('does not depend on the order of lines for APPLY_TO_ORDER and APPLY_TO_ITEMS on every unit', () => {
    const everyDiscount = fc.oneof(
      discountArb.filter((d) => d.type !== 'UNIT' && d.effect === 'APPLY_TO_ORDER'),
      fc.record({
        type: fc.constant('PERCENT' as const),
        percent_off: percentArb,
        effect: fc.constant('APPLY_TO_ITEMS' as const),
      }),
      fc.record({
        type: fc.constant('AMOUNT' as const),
        amount_off: money,
        effect: fc.constantFrom('APPLY_TO_ITEMS' as const, 'APPLY_TO_ITEMS_BY_QUANTITY' as const),
      }),
      fc.record({
        type: fc.constant('FIXED' as const),
        fixed_amount: money,
        effect: fc.constant('APPLY_TO_ITEMS' as const),
      }),
    );
    fc.assert(
      fc.property(permutedArb, everyDiscount, ({ lines, order }, discount) => {
        const { straight, shuffled, straightLines, back } = applyBothWays(lines, order, discount);
        expect(shuffled.total_discount_amount).toBe(straight.total_discount_amount);
        expect(back).toEqual(straightLines);
      }),
    );
  });

  it('does not depend on the order of lines for proportional splits, but for one unit of tie-break', () => {
    const proportional = fc.record({
      type: fc.constant('AMOUNT' as const),
      amount_off: money,
      effect: fc.constantFrom(
        'APPLY_TO_ITEMS_PROPORTIONALLY' as const,
        'APPLY_TO_ITEMS_PROPORTIONALLY_BY_QUANTITY' as const,
      ),
    });
    fc.assert(
      fc.property(permutedArb, proportional, ({ lines, order }, discount) => {
        const { straight, shuffled, straightLines, back } = applyBothWays(lines, order, discount);
        expect(shuffled.total_discount_amount).toBe(straight.total_discount_amount);
        back.forEach((amount, i) => {
          expect(Math.abs(amount - (straightLines[i] ?? 0))).toBeLessThanOrEqual(1);
        });
      }),
    );
  });
});
