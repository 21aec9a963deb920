import { describe, expect, it } from 'vitest';
import { applyDiscount } from './apply-discount.js';
import type { CalculatedOrder } from './calculated-order.js';
import type { Discount } from './discount.js';
import { docsCart, only, product } from './discount-test-orders.js';
import type { DiscountTargets } from './targets.js';

const everyLine = only(product('a'), product('b'), product('c'));
const lineDiscounts = (order: CalculatedOrder) => order.items.map((item) => item.discount_amount);

describe('item effects on the notes cart', () => {
  it.each<[string, Discount, DiscountTargets, number[]]>([
    ['AMOUNT APPLY_TO_ITEMS: $10 off each line', { type: 'AMOUNT', amount_off: 1000 }, everyLine, [1000, 1000, 1000]],
    ['PERCENT APPLY_TO_ITEMS: 10% of each line', { type: 'PERCENT', percent_off: 10 }, everyLine, [200, 450, 600]],
    [
      'APPLY_TO_ITEMS_BY_QUANTITY: $10 per unit',
      { type: 'AMOUNT', amount_off: 1000, effect: 'APPLY_TO_ITEMS_BY_QUANTITY' },
      everyLine,
      [2000, 3000, 3000],
    ],
    [
      'APPLY_TO_ITEMS_PROPORTIONALLY: $10 by amount share',
      { type: 'AMOUNT', amount_off: 1000, effect: 'APPLY_TO_ITEMS_PROPORTIONALLY' },
      everyLine,
      [160, 360, 480],
    ],
    [
      'APPLY_TO_ITEMS_PROPORTIONALLY_BY_QUANTITY: $10 by unit share',
      { type: 'AMOUNT', amount_off: 1000, effect: 'APPLY_TO_ITEMS_PROPORTIONALLY_BY_QUANTITY' },
      everyLine,
      [250, 375, 375],
    ],
    [
      'FIXED APPLY_TO_ITEMS: units priced at the target price',
      { type: 'FIXED', fixed_amount: 0, effect: 'APPLY_TO_ITEMS' },
      only(product('a', { price: 700 }), product('c', { price: 2500 })),
      [600, 0, 0],
    ],
    [
      'FIXED APPLY_TO_ITEMS: fixed_amount when the target names no price',
      { type: 'FIXED', fixed_amount: 1200, effect: 'APPLY_TO_ITEMS' },
      only(product('b')),
      [0, 900, 0],
    ],
    ['only the applicable lines', { type: 'PERCENT', percent_off: 10 }, only(product('b')), [0, 450, 0]],
    [
      'no line matches an applicable target',
      { type: 'AMOUNT', amount_off: 1000, effect: 'APPLY_TO_ITEMS' },
      only(product('zzz')),
      [0, 0, 0],
    ],
    [
      'every line but the excluded ones when no applicable target is given',
      { type: 'PERCENT', percent_off: 10, effect: 'APPLY_TO_ITEMS' },
      { applicable: [], inapplicable: [product('b')] },
      [200, 0, 600],
    ],
    [
      'an excluded line even when it is also included',
      { type: 'PERCENT', percent_off: 10 },
      { applicable: [product('a'), product('b')], inapplicable: [product('b')] },
      [200, 0, 0],
    ],
    [
      'PERCENT amount_limit per line',
      { type: 'PERCENT', percent_off: 10, amount_limit: 400 },
      everyLine,
      [200, 400, 400],
    ],
    [
      'PERCENT aggregated_amount_limit over the lines, in proportion',
      { type: 'PERCENT', percent_off: 10, aggregated_amount_limit: 625 },
      everyLine,
      [100, 225, 300],
    ],
    [
      'AMOUNT aggregated_amount_limit, ties by lower line first',
      { type: 'AMOUNT', amount_off: 1000, effect: 'APPLY_TO_ITEMS', aggregated_amount_limit: 2000 },
      everyLine,
      [667, 667, 666],
    ],
    [
      'a target amount_limit per line',
      { type: 'AMOUNT', amount_off: 1000, effect: 'APPLY_TO_ITEMS_BY_QUANTITY' },
      only(product('a'), product('b', { amount_limit: 1200 }), product('c')),
      [2000, 1200, 3000],
    ],
    [
      'a target aggregated_amount_limit over its lines',
      { type: 'PERCENT', percent_off: 10 },
      only({ object: 'products_collection', id: 'pc_1', product_ids: ['b', 'c'], aggregated_amount_limit: 210 }),
      [0, 90, 120],
    ],
    [
      'APPLY_TO_CHEAPEST: one unit of the cheapest line',
      { type: 'PERCENT', percent_off: 50 },
      only({ object: 'products_collection', id: 'pc_1', product_ids: ['a', 'b', 'c'], effect: 'APPLY_TO_CHEAPEST' }),
      [500, 0, 0],
    ],
    [
      'APPLY_TO_MOST_EXPENSIVE: one unit of the most expensive line',
      { type: 'PERCENT', percent_off: 50 },
      only({
        object: 'products_collection',
        id: 'pc_1',
        product_ids: ['a', 'b', 'c'],
        effect: 'APPLY_TO_MOST_EXPENSIVE',
      }),
      [0, 0, 1000],
    ],
    [
      'APPLY_FROM_CHEAPEST: units from the cheapest until the limit',
      { type: 'AMOUNT', amount_off: 100, effect: 'APPLY_TO_ITEMS_BY_QUANTITY' },
      only({
        object: 'products_collection',
        id: 'pc_1',
        product_ids: ['a', 'b', 'c'],
        effect: 'APPLY_FROM_CHEAPEST',
        aggregated_quantity_limit: 3,
      }),
      [200, 100, 0],
    ],
    [
      'APPLY_FROM_MOST_EXPENSIVE: units from the most expensive, per-line limit too',
      { type: 'AMOUNT', amount_off: 100, effect: 'APPLY_TO_ITEMS_BY_QUANTITY' },
      only({
        object: 'products_collection',
        id: 'pc_1',
        product_ids: ['a', 'b', 'c'],
        effect: 'APPLY_FROM_MOST_EXPENSIVE',
        quantity_limit: 2,
        aggregated_quantity_limit: 5,
      }),
      [100, 200, 200],
    ],
    [
      'the notes rule: 1 unit of one product, 2 per line up to 3 of the other',
      { type: 'AMOUNT', amount_off: 500, effect: 'APPLY_TO_ITEMS_BY_QUANTITY' },
      only(
        product('a', { effect: 'APPLY_TO_EVERY', quantity_limit: 1, aggregated_quantity_limit: 1 }),
        product('c', { effect: 'APPLY_TO_EVERY', quantity_limit: 2, aggregated_quantity_limit: 3 }),
      ),
      [500, 0, 1000],
    ],
    [
      'a percentage of part of a line under a quantity limit',
      { type: 'PERCENT', percent_off: 10 },
      only(product('b', { quantity_limit: 1 })),
      [0, 150, 0],
    ],
  ])('%s', (_name, discount, targets, expected) => {
    const result = applyDiscount(docsCart(), discount, targets);
    expect(lineDiscounts(result.order)).toEqual(expected);
    const total = expected.reduce((a, b) => a + b, 0);
    expect(result.discount_amount).toBe(total);
    expect(result.order).toMatchObject({
      discount_amount: 0,
      items_discount_amount: total,
      total_discount_amount: total,
      total_amount: 12500 - total,
      items_applied_discount_amount: total,
      total_applied_discount_amount: total,
    });
    expect(result.applied_items).toEqual(expected.flatMap((amount, i) => (amount > 0 ? [i] : [])));
  });
});
