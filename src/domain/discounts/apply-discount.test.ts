import { describe, expect, it } from 'vitest';
import { applyDiscount } from './apply-discount.js';
import type { CalculatedOrder } from './calculated-order.js';
import type { Discount } from './discount.js';
import { docsCart, only, orderOf, product } from './discount-test-orders.js';

const lineDiscounts = (order: CalculatedOrder) => order.items.map((item) => item.discount_amount);

describe('worked examples of the notes and docs', () => {
  it('splits 300 over lines of 3300 and 3400 as 148 and 152', () => {
    const order = orderOf([{ amount: 3300 }, { amount: 3400 }]);
    const discount: Discount = { type: 'AMOUNT', amount_off: 300, effect: 'APPLY_TO_ITEMS_PROPORTIONALLY' };
    expect(lineDiscounts(applyDiscount(order, discount).order)).toEqual([148, 152]);
  });

  it('splits $10 proportionally over the two applicable products of four (docs)', () => {
    const order = orderOf(
      [
        { product: 'mug', price: 2000, quantity: 1 },
        { product: 'pen', price: 8000, quantity: 1 },
        { product: 'tshirt', price: 5000, quantity: 1 },
        { product: 'iphone', price: 180000, quantity: 1 },
      ],
      { amount: 195000 },
    );
    const discount: Discount = { type: 'AMOUNT', amount_off: 1000, effect: 'APPLY_TO_ITEMS_PROPORTIONALLY' };
    const { order: result } = applyDiscount(order, discount, only(product('pen'), product('mug')));
    expect(lineDiscounts(result)).toEqual([200, 800, 0, 0]);
    expect(result).toMatchObject({ amount: 195000, total_discount_amount: 1000, total_amount: 194000 });
  });

  it('takes 10% off an order whose stated amount is not the sum of its lines (docs)', () => {
    const order = orderOf(
      [
        { product: 't', price: 3000, quantity: 1 },
        { product: 'p', price: 2000, quantity: 1 },
        { product: 'm', price: 1000, quantity: 2, amount: 1000 },
      ],
      { amount: 20050 },
    );
    const result = applyDiscount(order, { type: 'PERCENT', percent_off: 10, effect: 'APPLY_TO_ORDER' });
    expect(result.order).toMatchObject({ amount: 20050, discount_amount: 2005, total_amount: 18045 });
    expect(result.order).toMatchObject({ applied_discount_amount: 2005, items_applied_discount_amount: 0 });
    expect(lineDiscounts(result.order)).toEqual([0, 0, 0]);
  });

  it('stacks in discounted-amount mode: 100, then 20% of 199900, then 8000', () => {
    let order = orderOf([{ amount: 200000 }]);
    const steps: Discount[] = [
      { type: 'AMOUNT', amount_off: 100 },
      { type: 'PERCENT', percent_off: 20 },
      { type: 'AMOUNT', amount_off: 8000 },
    ];
    const given = steps.map((discount) => {
      const result = applyDiscount(order, discount);
      order = result.order;
      return result.discount_amount;
    });
    expect(given).toEqual([100, 39980, 8000]);
    expect(order).toMatchObject({ discount_amount: 48080, total_amount: 151920, applied_discount_amount: 8000 });
  });

  it('computes on the initial amount in INITIAL_AMOUNT mode', () => {
    const first = applyDiscount(orderOf([{ amount: 200000 }]), { type: 'AMOUNT', amount_off: 100 });
    const second = applyDiscount(first.order, { type: 'PERCENT', percent_off: 20 }, undefined, {
      base: 'INITIAL_AMOUNT',
    });
    expect(second.discount_amount).toBe(40000);
  });
});

describe('order effects', () => {
  const order = () => orderOf([{ amount: 3000 }, { amount: 2000 }]);

  it.each<[string, Discount, number]>([
    ['AMOUNT takes amount_off', { type: 'AMOUNT', amount_off: 1200 }, 1200],
    ['AMOUNT never more than the total', { type: 'AMOUNT', amount_off: 9000 }, 5000],
    [
      'AMOUNT within aggregated_amount_limit',
      { type: 'AMOUNT', amount_off: 1200, aggregated_amount_limit: 1000 },
      1000,
    ],
    ['PERCENT rounds half up', { type: 'PERCENT', percent_off: 0.01 }, 1],
    ['PERCENT with decimals as written', { type: 'PERCENT', percent_off: 33.33 }, 1667],
    ['PERCENT capped by amount_limit', { type: 'PERCENT', percent_off: 50, amount_limit: 600 }, 600],
    ['PERCENT 100 takes all', { type: 'PERCENT', percent_off: 100 }, 5000],
    ['FIXED brings the total down to fixed_amount', { type: 'FIXED', fixed_amount: 3500 }, 1500],
    ['FIXED above the total gives nothing', { type: 'FIXED', fixed_amount: 9000 }, 0],
  ])('%s', (_name, discount, expected) => {
    const result = applyDiscount(order(), discount);
    expect(result.effect).toBe('APPLY_TO_ORDER');
    expect(result.discount_amount).toBe(expected);
    expect(result.order).toMatchObject({ discount_amount: expected, total_amount: 5000 - expected });
    expect(result.applied_items).toEqual([]);
  });

  it('defaults to APPLY_TO_ITEMS when targets are given', () => {
    const result = applyDiscount(order(), { type: 'AMOUNT', amount_off: 100 }, { applicable: [], inapplicable: [] });
    expect(result.effect).toBe('APPLY_TO_ORDER');
    const withTargets = applyDiscount(docsCart(), { type: 'AMOUNT', amount_off: 100 }, only(product('a')));
    expect(withTargets.effect).toBe('APPLY_TO_ITEMS');
    expect(withTargets.order.discount_amount).toBe(0);
  });
});

describe('stacking', () => {
  it('computes a percentage on the running line subtotal, then on the initial amount when asked', () => {
    const ten: Discount = { type: 'PERCENT', percent_off: 10, effect: 'APPLY_TO_ITEMS' };
    const once = applyDiscount(docsCart(), ten);
    const twice = applyDiscount(once.order, ten);
    expect(lineDiscounts(twice.order)).toEqual([380, 855, 1140]);
    expect(twice.order.items.map((item) => item.applied_discount_amount)).toEqual([180, 405, 540]);
    const initial = applyDiscount(once.order, ten, undefined, { base: 'INITIAL_AMOUNT' });
    expect(lineDiscounts(initial.order)).toEqual([400, 900, 1200]);
  });

  it('never takes a line below zero, whatever the base', () => {
    const all = applyDiscount(docsCart(), { type: 'PERCENT', percent_off: 90, effect: 'APPLY_TO_ITEMS' });
    const more = applyDiscount(all.order, { type: 'PERCENT', percent_off: 50, effect: 'APPLY_TO_ITEMS' }, undefined, {
      base: 'INITIAL_AMOUNT',
    });
    expect(more.order.items.map((item) => item.subtotal_amount)).toEqual([0, 0, 0]);
    expect(more.discount_amount).toBe(1250);
  });

  it('takes an order discount after item discounts from what is left', () => {
    const items = applyDiscount(docsCart(), { type: 'AMOUNT', amount_off: 1000, effect: 'APPLY_TO_ITEMS' });
    const order = applyDiscount(items.order, { type: 'PERCENT', percent_off: 10 });
    expect(order.discount_amount).toBe(950);
    expect(order.order).toMatchObject({
      discount_amount: 950,
      items_discount_amount: 3000,
      total_discount_amount: 3950,
      total_amount: 8550,
      applied_discount_amount: 950,
      items_applied_discount_amount: 0,
    });
  });

  it('keeps discounts the shop gave, gives no more than the order has left, leaves the input as it was', () => {
    const order = orderOf([{ amount: 1000, discount: 300 }], { discount_amount: 200 });
    const copy = structuredClone(order);
    const result = applyDiscount(order, { type: 'AMOUNT', amount_off: 1000, effect: 'APPLY_TO_ITEMS' });
    expect(order).toEqual(copy);
    expect(result.discount_amount).toBe(500);
    expect(result.order).toMatchObject({ discount_amount: 200, items_discount_amount: 800, total_amount: 0 });
  });
});
