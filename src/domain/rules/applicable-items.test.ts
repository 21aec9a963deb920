import { describe, expect, it } from 'vitest';
import { applyDiscount } from '../discounts/apply-discount.js';
import type { Discount } from '../discounts/discount.js';
import { docsCart } from '../discounts/discount-test-orders.js';
import { type CollectionMembersLookup, toApplicableToLists, toDiscountTargets } from './applicable-items.js';
import { type ApplicableToDefinition, NO_APPLICABLE_TO, parseApplicableTo } from './parse-applicable-to.js';

function parsed(raw: unknown): ApplicableToDefinition {
  const result = parseApplicableTo(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.applicableTo;
}

const members: CollectionMembersLookup = (id) =>
  id === 'pc_all'
    ? { product_ids: ['a', 'b', 'c'], sku_ids: [] }
    : id === 'pc_ac'
      ? { product_ids: ['a', 'c'], sku_ids: [] }
      : null;

/** Line discounts on the notes cart: a $10 × 2, b $15 × 3, c $20 × 3 (product ids a, b, c). */
function discountsOf(raw: unknown, discount: Discount, withItems = true): number[] {
  const cart = docsCart();
  const targets = toDiscountTargets(parsed(raw), members, withItems ? cart.items : undefined);
  return applyDiscount(cart, discount, targets).order.items.map((item) => item.discount_amount);
}

const product = (id: string, extra: Record<string, unknown> = {}) => ({ object: 'product', id, ...extra });
const all = (extra: Record<string, unknown> = {}) => ({ object: 'products_collection', id: 'pc_all', ...extra });
const HALF: Discount = { type: 'PERCENT', percent_off: 50 };
const TEN_PERCENT: Discount = { type: 'PERCENT', percent_off: 10 };

describe('parseApplicableTo', () => {
  it('reads nothing as no restriction, and fills in the defaults', () => {
    expect(parseApplicableTo(undefined)).toEqual({ ok: true, applicableTo: NO_APPLICABLE_TO });
    expect(parsed({ included: [product('prod_1')] }).included[0]).toEqual({
      object: 'product',
      id: 'prod_1',
      source_id: null,
      product_id: null,
      product_source_id: null,
      strict: false,
      effect: 'APPLY_TO_EVERY',
      price: null,
      price_formula: null,
      quantity_limit: null,
      aggregated_quantity_limit: null,
      amount_limit: null,
      aggregated_amount_limit: null,
      target: null,
    });
  });

  it("accepts Voucherify's examples", () => {
    const definition = parsed({
      excluded: [
        { object: 'products_collection', id: 'pc_7fVU2RxybhR66YxC7r7BKKRh', source_id: null },
        { object: 'sku', id: 'sku_0bae3b28f610fd0da1', source_id: 'first_product_sku_1' },
      ],
      included: [
        { object: 'products_collection', id: 'pc_a11', source_id: null, effect: 'APPLY_TO_EVERY', quantity_limit: 1 },
      ],
      included_all: false,
      order_item_indices: [0],
    });
    expect(definition.excluded).toHaveLength(2);
    expect(definition.included[0]?.quantity_limit).toBe(1);
  });

  it.each<[string, unknown, string, string]>([
    ['not an object', 'all', 'applicable_to', 'should be an object'],
    ['included not a list', { included: {} }, 'applicable_to.included', 'should be a list'],
    ['an entry not an object', { included: ['prod_1'] }, 'applicable_to.included[0]', 'should be an object like'],
    [
      'no object',
      { included: [{ id: 'x' }] },
      'applicable_to.included[0].object',
      'should be product, sku or products_collection',
    ],
    ['no id', { excluded: [{ object: 'sku' }] }, 'applicable_to.excluded[0].id', 'is required'],
    [
      'an unknown effect',
      { included: [product('p', { effect: 'APPLY_TO_ALL' })] },
      'applicable_to.included[0].effect',
      'should be one of APPLY_TO_EVERY',
    ],
    [
      'a negative limit',
      { included: [product('p', { quantity_limit: -1 })] },
      'applicable_to.included[0].quantity_limit',
      'whole number',
    ],
    [
      'a fractional amount',
      { included: [product('p', { amount_limit: 1.5 })] },
      'applicable_to.included[0].amount_limit',
      'minor units',
    ],
    [
      'an unknown target',
      { included: [product('p', { target: 'LINE' })] },
      'applicable_to.included[0].target',
      'should be one of ITEM, UNIT',
    ],
    [
      'repeat',
      { included: [product('p', { repeat: 2 })] },
      'applicable_to.included[0].repeat',
      'not supported by Vouch yet',
    ],
    [
      'skip_initially',
      { included: [product('p', { skip_initially: 1 })] },
      'applicable_to.included[0].skip_initially',
      'not supported',
    ],
    [
      'a formula object',
      { included: [product('p', { price_formula: {} })] },
      'applicable_to.included[0].price_formula',
      'a number or a text',
    ],
    [
      'strict as text',
      { included: [product('p', { strict: 'no' })] },
      'applicable_to.included[0].strict',
      'true or false',
    ],
    ['included_all as text', { included_all: 'yes' }, 'applicable_to.included_all', 'true or false'],
  ])('refuses %s', (_, raw, path, message) => {
    const result = parseApplicableTo(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.path).toBe(path);
    expect(result.problems[0]?.message).toContain(message);
  });
});

describe('toDiscountTargets, applied by the discount engine', () => {
  it.each<[string, unknown, Discount, number[]]>([
    ['an included product', { included: [product('b')] }, TEN_PERCENT, [0, 450, 0]],
    [
      'everything but an excluded product',
      { included_all: true, excluded: [product('b')] },
      TEN_PERCENT,
      [200, 0, 600],
    ],
    [
      'included_all ignores included',
      { included_all: true, included: [product('b')] },
      { ...TEN_PERCENT, effect: 'APPLY_TO_ITEMS' },
      [200, 450, 600],
    ],
    [
      'a collection, by its members',
      { included: [{ object: 'products_collection', id: 'pc_ac' }] },
      TEN_PERCENT,
      [200, 0, 600],
    ],
    [
      'a collection that no longer exists',
      { included: [{ object: 'products_collection', id: 'pc_gone' }] },
      TEN_PERCENT,
      [0, 0, 0],
    ],
    ['the cheapest unit', { included: [all({ effect: 'APPLY_TO_CHEAPEST' })] }, HALF, [500, 0, 0]],
    [
      'the cheapest line (target ITEM)',
      { included: [all({ effect: 'APPLY_TO_CHEAPEST', target: 'ITEM' })] },
      HALF,
      [1000, 0, 0],
    ],
    [
      'the most expensive unit',
      { included: [all({ effect: 'APPLY_TO_MOST_EXPENSIVE', target: 'UNIT' })] },
      HALF,
      [0, 0, 1000],
    ],
    [
      'the most expensive line, up to its quantity limit',
      { included: [all({ effect: 'APPLY_TO_MOST_EXPENSIVE', target: 'ITEM', quantity_limit: 2 })] },
      HALF,
      [0, 0, 2000],
    ],
    [
      'from the cheapest, up to an aggregated quantity',
      { included: [all({ effect: 'APPLY_FROM_CHEAPEST', aggregated_quantity_limit: 4 })] },
      { type: 'AMOUNT', amount_off: 1000, effect: 'APPLY_TO_ITEMS_BY_QUANTITY' },
      [2000, 2000, 0],
    ],
    ['an amount limit per line', { included: [all({ amount_limit: 300 })] }, HALF, [300, 300, 300]],
    [
      'an aggregated amount limit, shared by line value',
      { included: [all({ aggregated_amount_limit: 600 })] },
      HALF,
      [96, 216, 288],
    ],
    [
      'a fixed price per unit',
      { included: [product('a', { price: 700 })] },
      { type: 'FIXED', fixed_amount: 0, effect: 'APPLY_TO_ITEMS' },
      [600, 0, 0],
    ],
  ])('%s', (_, raw, discount, expected) => {
    expect(discountsOf(raw, discount)).toEqual(expected);
  });

  it('takes one unit for target ITEM when the order lines are not given', () => {
    const raw = { included: [all({ effect: 'APPLY_TO_CHEAPEST', target: 'ITEM' })] };
    expect(discountsOf(raw, HALF, false)).toEqual([500, 0, 0]);
  });
});

describe('toApplicableToLists', () => {
  it("answers Voucherify's list shape, with the set fields of each entry", () => {
    const definition = parsed({
      included: [
        product('a', { source_id: 'src_a', quantity_limit: 1 }),
        { object: 'products_collection', id: 'pc_ac' },
      ],
      excluded: [{ object: 'sku', id: 'sku_1', product_id: 'a' }],
    });
    expect(toApplicableToLists(definition)).toEqual({
      applicable_to: {
        object: 'list',
        data_ref: 'data',
        data: [
          {
            object: 'product',
            id: 'a',
            source_id: 'src_a',
            strict: false,
            effect: 'APPLY_TO_EVERY',
            quantity_limit: 1,
          },
          { object: 'products_collection', id: 'pc_ac', source_id: null, strict: false, effect: 'APPLY_TO_EVERY' },
        ],
        total: 2,
      },
      inapplicable_to: {
        object: 'list',
        data_ref: 'data',
        data: [
          { object: 'sku', id: 'sku_1', source_id: null, strict: false, effect: 'APPLY_TO_EVERY', product_id: 'a' },
        ],
        total: 1,
      },
    });
  });

  it('names the order lines each entry reaches, given the order', () => {
    const definition = parsed({ included: [product('c'), all()], excluded: [product('b')] });
    const cart = docsCart();
    const targets = toDiscountTargets(definition, members, cart.items);
    const lists = toApplicableToLists(definition, { items: cart.items, targets });
    expect(lists.applicable_to.data.map((entry) => entry.order_item_indices)).toEqual([[2], [0]]);
    expect(lists.inapplicable_to.data.map((entry) => entry.order_item_indices)).toEqual([[1]]);
  });

  it('lists no included entries with included_all', () => {
    const lists = toApplicableToLists(parsed({ included_all: true, included: [product('a')] }));
    expect(lists.applicable_to).toEqual({ object: 'list', data_ref: 'data', data: [], total: 0 });
  });
});
