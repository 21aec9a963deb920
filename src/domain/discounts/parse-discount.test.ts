import { describe, expect, it } from 'vitest';
import { type Discount, defaultEffect, resolveEffect } from './discount.js';
import { parseDiscount } from './parse-discount.js';

describe('parseDiscount', () => {
  it.each<[string, unknown, Discount]>([
    ['an AMOUNT', { type: 'AMOUNT', amount_off: 1000 }, { type: 'AMOUNT', amount_off: 1000 }],
    [
      'an AMOUNT with every field',
      {
        type: 'AMOUNT',
        amount_off: 0,
        amount_off_formula: 'ORDER_AMOUNT * 0.1',
        aggregated_amount_limit: 5000,
        effect: 'APPLY_TO_ITEMS_PROPORTIONALLY_BY_QUANTITY',
        is_dynamic: true,
      },
      {
        type: 'AMOUNT',
        amount_off: 0,
        amount_off_formula: 'ORDER_AMOUNT * 0.1',
        aggregated_amount_limit: 5000,
        effect: 'APPLY_TO_ITEMS_PROPORTIONALLY_BY_QUANTITY',
        is_dynamic: true,
      },
    ],
    [
      'a PERCENT with decimals and limits, nulls left out',
      {
        type: 'PERCENT',
        percent_off: 12.5,
        amount_limit: 600,
        aggregated_amount_limit: null,
        effect: 'APPLY_TO_ITEMS',
      },
      { type: 'PERCENT', percent_off: 12.5, amount_limit: 600, effect: 'APPLY_TO_ITEMS' },
    ],
    ['a PERCENT of 100', { type: 'PERCENT', percent_off: 100 }, { type: 'PERCENT', percent_off: 100 }],
    [
      'a FIXED, dropping fields of other types',
      { type: 'FIXED', fixed_amount: 999, effect: 'APPLY_TO_ORDER', percent_off: 5 },
      { type: 'FIXED', fixed_amount: 999, effect: 'APPLY_TO_ORDER' },
    ],
    [
      'a UNIT with its product and SKU',
      {
        type: 'UNIT',
        unit_off: 1.0,
        unit_type: 'prod_1',
        effect: 'ADD_NEW_ITEMS',
        product: { id: 'prod_1', source_id: null, name: 'Shirt' },
        sku: { id: 'sku_1' },
      },
      {
        type: 'UNIT',
        unit_off: 1,
        unit_type: 'prod_1',
        effect: 'ADD_NEW_ITEMS',
        product: { id: 'prod_1', source_id: null, name: 'Shirt' },
        sku: { id: 'sku_1' },
      },
    ],
    [
      'a UNIT without effect as ADD_MISSING_ITEMS',
      { type: 'UNIT', unit_off: 2, unit_type: 'prod_1' },
      { type: 'UNIT', unit_off: 2, unit_type: 'prod_1', effect: 'ADD_MISSING_ITEMS' },
    ],
    [
      'a UNIT with many units',
      {
        type: 'UNIT',
        effect: 'ADD_MANY_ITEMS',
        units: [
          { unit_off: 2, unit_type: 'prod_a', effect: 'ADD_MISSING_ITEMS' },
          { unit_off: 3, unit_type: 'prod_b', effect: 'ADD_NEW_ITEMS', unit_off_formula: 'X' },
        ],
      },
      {
        type: 'UNIT',
        effect: 'ADD_MANY_ITEMS',
        units: [
          { unit_off: 2, unit_type: 'prod_a', effect: 'ADD_MISSING_ITEMS' },
          { unit_off: 3, unit_type: 'prod_b', effect: 'ADD_NEW_ITEMS', unit_off_formula: 'X' },
        ],
      },
    ],
    [
      'units without an effect as ADD_MANY_ITEMS',
      { type: 'UNIT', units: [{ unit_off: 1, unit_type: 'prod_a' }] },
      {
        type: 'UNIT',
        effect: 'ADD_MANY_ITEMS',
        units: [{ unit_off: 1, unit_type: 'prod_a', effect: 'ADD_MISSING_ITEMS' }],
      },
    ],
  ])('reads %s', (_name, raw, expected) => {
    expect(parseDiscount(raw)).toEqual(expected);
  });

  it.each<[unknown, string]>([
    [null, 'Property .discount should be an object'],
    [[], 'Property .discount should be an object'],
    [{}, "Property .discount should have required property 'type'"],
    [{ type: 'GIFT' }, 'Property .discount.type should be one of AMOUNT, PERCENT, FIXED, UNIT'],
    [{ type: 'AMOUNT' }, "Property .discount should have required property 'amount_off'"],
    [
      { type: 'AMOUNT', amount_off: -1 },
      'Property .discount.amount_off should be an integer greater than or equal to 0',
    ],
    [{ type: 'AMOUNT', amount_off: 10.5 }, 'Property .discount.amount_off should be an integer'],
    [{ type: 'AMOUNT', amount_off: '1000' }, 'Property .discount.amount_off should be an integer'],
    [{ type: 'AMOUNT', amount_off: 2 ** 53 }, 'Property .discount.amount_off should be an integer'],
    [
      { type: 'AMOUNT', amount_off: 1, aggregated_amount_limit: -5 },
      'Property .discount.aggregated_amount_limit should be an integer',
    ],
    [
      { type: 'AMOUNT', amount_off: 1, effect: 'APPLY_TO_EVERYTHING' },
      'Property .discount.effect should be one of APPLY_TO_ORDER, APPLY_TO_ITEMS, APPLY_TO_ITEMS_PROPORTIONALLY',
    ],
    [{ type: 'PERCENT', percent_off: 0 }, 'Property .discount.percent_off should be a number greater than 0'],
    [{ type: 'PERCENT', percent_off: 100.01 }, 'Property .discount.percent_off should be a number greater than 0'],
    [{ type: 'PERCENT', percent_off: Number.NaN }, 'Property .discount.percent_off should be a number'],
    [
      { type: 'PERCENT', percent_off: 10, effect: 'APPLY_TO_ITEMS_BY_QUANTITY' },
      'Property .discount.effect should be one of APPLY_TO_ORDER, APPLY_TO_ITEMS',
    ],
    [{ type: 'PERCENT', percent_off: 10, amount_limit: 1.5 }, 'Property .discount.amount_limit should be an integer'],
    [{ type: 'FIXED' }, "Property .discount should have required property 'fixed_amount'"],
    [{ type: 'FIXED', fixed_amount: 10, is_dynamic: 'yes' }, 'Property .discount.is_dynamic should be a boolean'],
    [{ type: 'UNIT', unit_type: 'prod_1' }, "Property .discount should have required property 'unit_off'"],
    [{ type: 'UNIT', unit_off: 0, unit_type: 'p' }, 'Property .discount.unit_off should be an integer greater than or'],
    [{ type: 'UNIT', unit_off: 1 }, "Property .discount should have required property 'unit_type'"],
    [{ type: 'UNIT', unit_off: 1, unit_type: '' }, 'Property .discount.unit_type should be a non-empty string'],
    [
      { type: 'UNIT', unit_off: 1, unit_type: 'x'.repeat(1001) },
      'Property .discount.unit_type should not be longer than 1000 characters',
    ],
    [
      { type: 'UNIT', unit_off: 1, unit_type: 'p', effect: 'ADD_SAME_ITEMS' },
      'Property .discount.effect should be one of ADD_MISSING_ITEMS, ADD_NEW_ITEMS',
    ],
    [{ type: 'UNIT', unit_off: 1, unit_type: 'p', product: 'p' }, 'Property .discount.product should be an object'],
    [
      { type: 'UNIT', unit_off: 1, unit_type: 'p', sku: { id: 5 } },
      'Property .discount.sku.id should be a non-empty string',
    ],
    [{ type: 'UNIT', effect: 'ADD_MANY_ITEMS' }, "Property .discount should have required property 'units'"],
    [{ type: 'UNIT', effect: 'ADD_MANY_ITEMS', units: [] }, 'Property .discount.units should be an array of 1 to 50'],
    [
      { type: 'UNIT', effect: 'ADD_NEW_ITEMS', units: [{ unit_off: 1, unit_type: 'p' }] },
      'Property .discount.effect should be one of ADD_MANY_ITEMS',
    ],
    [
      { type: 'UNIT', units: [{ unit_off: 1, unit_type: 'p' }, { unit_off: 1 }] },
      "Property .discount.units[1] should have required property 'unit_type'",
    ],
    [
      { type: 'UNIT', units: [{ unit_off: 1, unit_type: 'p', effect: 'ADD_MANY_ITEMS' }] },
      'Property .discount.units[0].effect should be one of ADD_MISSING_ITEMS, ADD_NEW_ITEMS',
    ],
  ])('refuses %j', (raw, details) => {
    expect(() => parseDiscount(raw)).toThrow(
      expect.objectContaining({ key: 'invalid_payload', code: 400, details: expect.stringContaining(details) }),
    );
  });

  it('names the property under the path it is given', () => {
    expect(() => parseDiscount({ type: 'PERCENT', percent_off: 0 }, '.voucher.discount')).toThrow(
      expect.objectContaining({ details: expect.stringMatching(/^Property \.voucher\.discount\.percent_off /) }),
    );
  });
});

describe('default effects', () => {
  it.each<[Discount, boolean, string]>([
    [{ type: 'AMOUNT', amount_off: 1 }, false, 'APPLY_TO_ORDER'],
    [{ type: 'AMOUNT', amount_off: 1 }, true, 'APPLY_TO_ITEMS'],
    [{ type: 'PERCENT', percent_off: 1 }, false, 'APPLY_TO_ORDER'],
    [{ type: 'PERCENT', percent_off: 1 }, true, 'APPLY_TO_ITEMS'],
    [{ type: 'FIXED', fixed_amount: 1 }, false, 'APPLY_TO_ORDER'],
    [{ type: 'FIXED', fixed_amount: 1 }, true, 'APPLY_TO_ITEMS'],
    [{ type: 'UNIT', unit_off: 1, unit_type: 'p', effect: 'ADD_NEW_ITEMS' }, true, 'ADD_NEW_ITEMS'],
    [{ type: 'UNIT', effect: 'ADD_MANY_ITEMS', units: [] }, false, 'ADD_MANY_ITEMS'],
  ])('%j with targets %s → %s', (discount, hasTargets, expected) => {
    expect(defaultEffect(discount, hasTargets)).toBe(expected);
  });

  it('keeps an effect the discount names', () => {
    const discount: Discount = { type: 'AMOUNT', amount_off: 1, effect: 'APPLY_TO_ITEMS_BY_QUANTITY' };
    expect(resolveEffect(discount, false)).toBe('APPLY_TO_ITEMS_BY_QUANTITY');
  });
});
