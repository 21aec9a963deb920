import { describe, expect, it } from 'vitest';
import type { OrderItem } from '../orders/order.js';
import { selectUnits, type UnitLine } from './select-units.js';
import { type ApplicableTarget, findItemTarget, isItemApplicable, isTargetMatch } from './targets.js';

function itemOf(productId: string | null, skuId: string | null = null, sources: [string?, string?] = []): OrderItem {
  const [productSource, skuSource] = sources;
  return {
    product_id: productId,
    sku_id: skuId,
    related_object: skuId ? 'sku' : 'product',
    source_id: null,
    quantity: 1,
    discount_quantity: null,
    initial_quantity: null,
    price: 100,
    amount: 100,
    discount_amount: null,
    initial_amount: null,
    subtotal_amount: 100,
    product: productSource ? { id: null, source_id: productSource, name: null, price: null, metadata: null } : null,
    sku: skuSource ? { id: null, source_id: skuSource, sku: null, price: null, metadata: null } : null,
    metadata: null,
  };
}

const productTarget: ApplicableTarget = { object: 'product', id: 'prod_1', source_id: 'shirt' };
const skuTarget: ApplicableTarget = { object: 'sku', id: 'sku_1', source_id: 'shirt-xl', product_id: 'prod_1' };
const collection: ApplicableTarget = {
  object: 'products_collection',
  id: 'pc_1',
  product_ids: ['prod_2'],
  sku_ids: ['sku_9'],
};

describe('isTargetMatch', () => {
  it.each<[string, OrderItem, ApplicableTarget, boolean]>([
    ['a product line of the product', itemOf('prod_1'), productTarget, true],
    ['a SKU line of the product', itemOf('prod_1', 'sku_1'), productTarget, true],
    ['another product', itemOf('prod_2'), productTarget, false],
    ['a line known by the product source id only', itemOf(null, null, ['shirt']), productTarget, true],
    ['the SKU', itemOf('prod_1', 'sku_1'), skuTarget, true],
    ['another SKU of the same product', itemOf('prod_1', 'sku_2'), skuTarget, false],
    ['the product line, for a SKU target', itemOf('prod_1'), skuTarget, false],
    ['a line known by the SKU source id only', itemOf(null, null, [undefined, 'shirt-xl']), skuTarget, true],
    ['a member product of a collection', itemOf('prod_2'), collection, true],
    ['a SKU of a member product', itemOf('prod_2', 'sku_5'), collection, true],
    ['a member SKU of a collection', itemOf('prod_7', 'sku_9'), collection, true],
    ['a non-member', itemOf('prod_7', 'sku_8'), collection, false],
    ['a line without ids against a collection', itemOf(null), collection, false],
    ['a line without ids never matches by null ids', itemOf(null), { object: 'product', id: 'prod_1' }, false],
  ])('%s: %s', (_name, item, target, expected) => {
    expect(isTargetMatch(item, target)).toBe(expected);
  });
});

describe('findItemTarget', () => {
  const targets = { applicable: [collection, productTarget], inapplicable: [skuTarget] };

  it.each<[string, OrderItem, number | 'all' | null]>([
    ['the first applicable target it matches', itemOf('prod_1'), 1],
    ['an excluded line', itemOf('prod_1', 'sku_1'), null],
    ['a line no applicable target names', itemOf('prod_5'), null],
    ['a collection member', itemOf('prod_2'), 0],
  ])('%s', (_name, item, expected) => {
    expect(findItemTarget(item, targets)).toBe(expected);
  });

  it('takes every line not excluded when no applicable target is given', () => {
    const exclusions = { applicable: [], inapplicable: [skuTarget] };
    expect(findItemTarget(itemOf('prod_5'), exclusions)).toBe('all');
    expect(isItemApplicable(itemOf(null), exclusions)).toBe(true);
    expect(isItemApplicable(itemOf('prod_1', 'sku_1'), exclusions)).toBe(false);
  });
});

describe('selectUnits', () => {
  // Prices 300, 100, 200, 100: the two cheapest tie and the lower line wins.
  const lines: UnitLine[] = [
    { index: 0, units: 2, unitPrice: 300 },
    { index: 1, units: 3, unitPrice: 100 },
    { index: 2, units: 1, unitPrice: 200 },
    { index: 3, units: 2, unitPrice: 100 },
  ];
  const target = (extra: Partial<ApplicableTarget>): ApplicableTarget => ({ object: 'product', id: 'p', ...extra });

  it.each<[string, ApplicableTarget | undefined, number[]]>([
    ['every unit without a target', undefined, [2, 3, 1, 2]],
    ['every unit up to the per-line limit', target({ quantity_limit: 2 }), [2, 2, 1, 2]],
    ['every unit, in line order, up to the aggregated limit', target({ aggregated_quantity_limit: 4 }), [2, 2, 0, 0]],
    ['one unit of the cheapest line, lower line first', target({ effect: 'APPLY_TO_CHEAPEST' }), [0, 1, 0, 0]],
    ['one unit of the most expensive line', target({ effect: 'APPLY_TO_MOST_EXPENSIVE' }), [1, 0, 0, 0]],
    [
      'from the cheapest until the aggregated limit',
      target({ effect: 'APPLY_FROM_CHEAPEST', aggregated_quantity_limit: 4 }),
      [0, 3, 0, 1],
    ],
    [
      'from the cheapest with a per-line limit',
      target({ effect: 'APPLY_FROM_CHEAPEST', quantity_limit: 1, aggregated_quantity_limit: 3 }),
      [0, 1, 1, 1],
    ],
    [
      'from the most expensive until the aggregated limit',
      target({ effect: 'APPLY_FROM_MOST_EXPENSIVE', aggregated_quantity_limit: 3 }),
      [2, 0, 1, 0],
    ],
    ['from the cheapest without limits is every unit', target({ effect: 'APPLY_FROM_CHEAPEST' }), [2, 3, 1, 2]],
    ['a limit of 0 chooses nothing', target({ effect: 'APPLY_TO_CHEAPEST', quantity_limit: 0 }), [0, 0, 0, 0]],
  ])('%s', (_name, chosenTarget, expected) => {
    const chosen = selectUnits(lines, chosenTarget);
    expect(lines.map((line) => chosen.get(line.index))).toEqual(expected);
  });

  it('skips lines without units when looking for the cheapest', () => {
    const withEmpty = [
      { index: 5, units: 0, unitPrice: 1 },
      { index: 0, units: 2, unitPrice: 300 },
    ];
    const chosen = selectUnits(withEmpty, target({ effect: 'APPLY_TO_CHEAPEST' }));
    expect([chosen.get(5), chosen.get(0)]).toEqual([0, 1]);
  });
});
