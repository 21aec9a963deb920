import { describe, expect, it } from 'vitest';
import { findRuleSpec, RULE_NAMES } from './rule-catalog.js';
import { factsOf, lineOf, outcomeOf, passes } from './rule-test-facts.js';

/**
 * The fixture cart (rule-test-facts.ts): line 0 a shirt SKU (2 × 20.00), line 1 a mug (1 × 15.00),
 * line 2 a product known by source id FOR-1 only (3 × 50.00); lines 1 and 2 are in pc_kitchen.
 */
const SHIRT = { id: 'prod_shirt', object: 'product' };
const MUG = { id: 'prod_mug', object: 'product' };
const FOR1 = { source_id: 'FOR-1', object: 'product' };
const KITCHEN = { id: 'pc_kitchen', object: 'products_collection' };
const NOPE = { id: 'prod_nope' };

type Conditions = Record<string, unknown[]>;

function items(name: string, conditions: Conditions, nested?: Record<string, unknown>) {
  return { name, conditions, ...(nested ? { rules: nested } : {}) };
}

const nestedRule = (name: string, conditions: Conditions, property?: string) => ({
  1: { name, conditions, ...(property ? { property } : {}) },
  logic: '1',
});

const CASES: [string, Record<string, unknown>, boolean][] = [
  ['any: a product in the cart', items('order.items.any', { $is: [SHIRT] }), true],
  ['any: a product not in the cart', items('order.items.any', { $is: [NOPE] }), false],
  ['any: one of several, a SKU by its prefix', items('order.items.any', { $in: [NOPE, { id: 'sku_shirt_m' }] }), true],
  ['any: by product source id only', items('order.items.any', { $is: [FOR1] }), true],
  ['any: by SKU source id', items('order.items.any', { $is: [{ source_id: 'shirt-m', object: 'sku' }] }), true],
  [
    'any: a SKU source id is not a product',
    items('order.items.any', { $is: [{ source_id: 'shirt-m', object: 'product' }] }),
    false,
  ],
  ['any: product or SKU by source id', items('order.items.any', { $is: [{ source_id: 'mug' }] }), true],
  [
    'any: product_or_sku type',
    items('order.items.any', { $is: [{ id: 'sku_shirt_m', type: 'product_or_sku' }] }),
    true,
  ],
  ['any: a collection', items('order.items.any', { $is: [KITCHEN] }), true],
  ['any: another collection', items('order.items.any', { $is: [{ id: 'pc_other' }] }), false],
  ['any: conditions combine with and', items('order.items.any', { $is: [SHIRT], $in: [MUG] }), true],
  ['any: conditions combine with and (one fails)', items('order.items.any', { $is: [SHIRT], $in: [NOPE] }), false],
  [
    'any: nested quantity on the product lines',
    items('order.items.any', { $is: [SHIRT] }, nestedRule('order.items.quantity', { $more_than: [2] })),
    false,
  ],
  [
    'any: nested quantity met by FOR-1',
    items('order.items.any', { $is: [SHIRT, FOR1] }, nestedRule('order.items.quantity', { $more_than: [2] })),
    true,
  ],
  [
    'any: nested aggregated quantity over the collection',
    items('order.items.any', { $is: [KITCHEN] }, nestedRule('order.items.aggregated_quantity', { $is: [4] })),
    true,
  ],
  [
    'any: nested count of the collection lines',
    items('order.items.any', { $is: [KITCHEN] }, nestedRule('order.items.count', { $is: [2] })),
    true,
  ],
  [
    'any: nested aggregated amount',
    items('order.items.any', { $is: [KITCHEN] }, nestedRule('order.items.aggregated_amount', { $more_than: [16000] })),
    true,
  ],
  [
    'any: nested rules must hold on one same line',
    items(
      'order.items.any',
      { $is: [KITCHEN] },
      {
        1: { name: 'order.items.quantity', conditions: { $more_than: [2] } },
        2: { name: 'order.items.price', conditions: { $less_than: [2000] } },
        logic: '1 and 2',
      },
    ),
    false,
  ],
  [
    'any: nested or',
    items(
      'order.items.any',
      { $is: [KITCHEN] },
      {
        1: { name: 'order.items.quantity', conditions: { $more_than: [2] } },
        2: { name: 'order.items.price', conditions: { $less_than: [2000] } },
        logic: '1 or 2',
      },
    ),
    true,
  ],
  [
    'any: nested item metadata',
    items('order.items.any', { $is: [SHIRT] }, nestedRule('order.items.metadata', { $is: ['red'] }, 'color')),
    true,
  ],
  [
    'any: nested product metadata',
    items('order.items.any', { $is: [KITCHEN] }, nestedRule('product.metadata', { $is: ['other'] }, 'brand')),
    true,
  ],
  ['every: all in the cart', items('order.items.every', { $is: [SHIRT, MUG] }), true],
  ['every: one missing', items('order.items.every', { $is: [SHIRT, NOPE] }), false],
  [
    'every: each meets the nested rules',
    items('order.items.every', { $is: [SHIRT, MUG] }, nestedRule('order.items.quantity', { $more_than_or_equal: [1] })),
    true,
  ],
  [
    'every: one does not meet the nested rules',
    items('order.items.every', { $is: [SHIRT, MUG] }, nestedRule('order.items.quantity', { $more_than_or_equal: [2] })),
    false,
  ],
  ['none: not in the cart', items('order.items.none', { $is: [NOPE] }), true],
  ['none: in the cart', items('order.items.none', { $in: [NOPE, MUG] }), false],
  [
    'none: in the cart but not meeting the nested rules',
    items('order.items.none', { $is: [MUG] }, nestedRule('order.items.quantity', { $more_than: [1] })),
    true,
  ],
  ['cheapest: is the mug', items('order.items.cheapest', { $is: [MUG] }), true],
  ['cheapest: is not the shirt', items('order.items.cheapest', { $is_not: [SHIRT] }), true],
  ['cheapest: is the shirt', items('order.items.cheapest', { $is: [SHIRT] }), false],
  ['cheapest: is none of the mug', items('order.items.cheapest', { $not_in: [MUG] }), false],
  ['cheapest: is in the collection', items('order.items.cheapest', { $in: [KITCHEN] }), true],
  ['most expensive: is FOR-1', items('order.items.most_expensive', { $is: [FOR1] }), true],
  [
    'most expensive: nested price',
    items('order.items.most_expensive', { $is: [FOR1] }, nestedRule('order.items.price', { $is: [5000] })),
    true,
  ],
  [
    'most expensive: nested quantity not met',
    items('order.items.most_expensive', { $is: [FOR1] }, nestedRule('order.items.quantity', { $less_than: [3] })),
    false,
  ],
  [
    'legacy product.id with product.quantity and product.discount_applicable',
    items(
      'product.id',
      { $is: [{ id: 'prod_shirt', source_id: '' }] },
      {
        1: { name: 'product.quantity', rules: {}, conditions: { $more_than_or_equal: [2] } },
        2: { name: 'product.discount_applicable', rules: {}, conditions: { $is: [true] } },
        logic: '(1 and 2)',
      },
    ),
    true,
  ],
  ['legacy sku.id by source id', items('sku.id', { $is: [{ source_id: 'shirt-m' }] }), true],
  ['legacy product.id by source id', items('product.id', { $is: [{ source_id: 'shirt-m' }] }), false],
];

describe('item rules', () => {
  it.each(CASES)('%s', (_, checked, expected) => {
    expect(passes(checked)).toBe(expected);
  });

  it('covers every item rule name', () => {
    const covered = new Set(
      CASES.flatMap(([, checked]) => {
        const nested = Object.values((checked.rules ?? {}) as Record<string, { name?: string }>);
        return [checked.name, ...nested.map((entry) => entry.name)].map(
          (name) => findRuleSpec(String(name))?.spec.name,
        );
      }),
    );
    const itemNames = RULE_NAMES.filter((name) => {
      const spec = findRuleSpec(name)?.spec;
      return spec?.valueType === 'item_refs' || spec?.valueType === 'flag';
    });
    expect(itemNames.filter((name) => !covered.has(name))).toEqual([]);
  });

  it('picks the first of equally cheap lines, and no line when none has a price', () => {
    const twins = [lineOf({ product_id: 'prod_a', price: 100 }), lineOf({ product_id: 'prod_b', price: 100 })];
    const order = { amount: 200, initial_amount: 200, metadata: null, items: twins };
    const cheapestIs = (id: string) => items('order.items.cheapest', { $is: [{ id }] });
    expect(passes(cheapestIs('prod_a'), factsOf({ order }))).toBe(true);
    expect(passes(items('order.items.most_expensive', { $is: [{ id: 'prod_a' }] }), factsOf({ order }))).toBe(true);
    const unpriced = { ...order, items: [lineOf({ product_id: 'prod_a' })] };
    expect(passes(cheapestIs('prod_a'), factsOf({ order: unpriced }))).toBe(false);
    expect(passes(items('order.items.cheapest', { $is_not: [{ id: 'prod_b' }] }), factsOf({ order: unpriced }))).toBe(
      false,
    );
  });

  it('derives a unit price from the amount when a line has none', () => {
    const order = { amount: 900, initial_amount: 900, metadata: null, items: [lineOf({ quantity: 3, amount: 900 })] };
    expect(passes({ name: 'order.items.price', conditions: { $is: [300] } }, factsOf({ order }))).toBe(true);
  });

  it('holds for no item rule without an order, and only none holds on an empty cart', () => {
    const empty = factsOf({ order: { amount: 0, initial_amount: 0, metadata: null, items: [] } });
    for (const name of ['order.items.any', 'order.items.every', 'order.items.none', 'order.items.cheapest']) {
      expect(passes(items(name, { $is: [MUG] }), factsOf({ order: null }))).toBe(false);
      expect(passes(items(name, { $is: [MUG] }), empty)).toBe(name === 'order.items.none');
    }
  });

  it('finds collection members only through the lookup the caller gives', () => {
    const noLookup = factsOf({ collectionIdsOfItem: undefined });
    expect(passes(items('order.items.any', { $is: [KITCHEN] }), noLookup)).toBe(false);
  });

  it('reports the item rule, not its nested rules, when it fails', () => {
    const outcome = outcomeOf({
      1: items('order.items.any', { $is: [SHIRT] }, nestedRule('order.items.quantity', { $more_than: [5] })),
      logic: '1',
    });
    expect(outcome).toEqual({
      passed: false,
      failed: [
        {
          ruleKey: '1',
          ruleName: 'order.items.any',
          message: 'the order must contain any of product prod_shirt meeting the nested rules',
          errorKey: 'order_rules_violated',
        },
      ],
    });
  });
});
