import { describe, expect, it } from 'vitest';
import type { Discount } from '../discounts/discount.js';
import { type DiscountTargets, NO_TARGETS } from '../discounts/targets.js';
import type { OrderItem } from '../orders/order.js';
import { findProductRelevance, isAboutProducts, type ProductRelevance, relevantLines } from './product-relevance.js';

function itemOf(productId: string, skuId: string | null = null): OrderItem {
  return {
    product_id: productId,
    sku_id: skuId,
    related_object: skuId ? 'sku' : 'product',
    source_id: null,
    quantity: 1,
    discount_quantity: null,
    initial_quantity: null,
    price: 1000,
    amount: 1000,
    discount_amount: null,
    initial_amount: null,
    subtotal_amount: 1000,
    product: null,
    sku: null,
    metadata: null,
  };
}

/** A shirt (as its SKU), a mug, a hat. */
const ITEMS = [itemOf('prod_shirt', 'sku_shirt_m'), itemOf('prod_mug'), itemOf('prod_hat')];
const ORDER_OFF: Discount = { type: 'AMOUNT', amount_off: 500, effect: 'APPLY_TO_ORDER' };
const ITEMS_OFF: Discount = { type: 'PERCENT', percent_off: 10, effect: 'APPLY_TO_ITEMS' };
const NO_EFFECT: Discount = { type: 'PERCENT', percent_off: 10 };
const FREE_MUG: Discount = { type: 'UNIT', unit_off: 1, unit_type: 'prod_mug', effect: 'ADD_MISSING_ITEMS' };
const FREE_SOCKS: Discount = { type: 'UNIT', unit_off: 1, unit_type: 'prod_socks', effect: 'ADD_NEW_ITEMS' };
const MANY: Discount = {
  type: 'UNIT',
  effect: 'ADD_MANY_ITEMS',
  units: [
    { unit_off: 1, unit_type: 'prod_socks', effect: 'ADD_NEW_ITEMS' },
    { unit_off: 1, unit_type: 'prod_shirt', sku: { id: 'sku_shirt_m' }, effect: 'ADD_MISSING_ITEMS' },
  ],
};
const MUG_ONLY: DiscountTargets = { applicable: [{ object: 'product', id: 'prod_mug' }], inapplicable: [] };
const NOT_HAT: DiscountTargets = { applicable: [], inapplicable: [{ object: 'product', id: 'prod_hat' }] };
const SOCKS_ONLY: DiscountTargets = { applicable: [{ object: 'product', id: 'prod_socks' }], inapplicable: [] };

const none: ProductRelevance = { specific: [], every_item: [], required: [] };

describe('findProductRelevance', () => {
  it.each<[string, Discount | null, DiscountTargets, number[], ProductRelevance]>([
    ['an order-level discount', ORDER_OFF, NO_TARGETS, [], none],
    ['an order-level discount whose rule asks for the mug', ORDER_OFF, NO_TARGETS, [1], { ...none, required: [1] }],
    ['a discount for the mug', ITEMS_OFF, MUG_ONLY, [], { ...none, specific: [1] }],
    ['a default effect with the mug named', NO_EFFECT, MUG_ONLY, [], { ...none, specific: [1] }],
    ['a discount for socks, not in the cart', ITEMS_OFF, SOCKS_ONLY, [], none],
    ['an item-level discount on every line but the hat', ITEMS_OFF, NOT_HAT, [], { ...none, every_item: [0, 1] }],
    ['an item-level discount naming nothing', ITEMS_OFF, NO_TARGETS, [], { ...none, every_item: [0, 1, 2] }],
    ['a free mug, with a mug in the cart', FREE_MUG, NO_TARGETS, [], { ...none, specific: [1] }],
    ['free socks, none in the cart', FREE_SOCKS, NO_TARGETS, [], none],
    ['many units, one of them the shirt SKU', MANY, NO_TARGETS, [], { ...none, specific: [0] }],
    ['a gift card', null, NO_TARGETS, [], none],
    ['a required line past the cart', ORDER_OFF, NO_TARGETS, [7], none],
  ])('%s', (_name, discount, targets, required, expected) => {
    expect(findProductRelevance({ items: ITEMS, discount, targets, required })).toEqual(expected);
  });
});

describe('isAboutProducts and relevantLines', () => {
  it.each<[ProductRelevance, boolean, boolean, number[]]>([
    [none, false, false, []],
    [{ ...none, specific: [1] }, true, true, [1]],
    [{ ...none, every_item: [0, 1] }, true, false, [0, 1]],
    [{ specific: [2], every_item: [], required: [0, 2] }, true, true, [0, 2]],
    [{ ...none, required: [0] }, true, false, [0]],
  ])('%j: PRODUCTS %s, PRODUCTS_DISCOUNT %s', (relevance, any, discount, lines) => {
    expect(isAboutProducts(relevance, 'any')).toBe(any);
    expect(isAboutProducts(relevance, 'discount')).toBe(discount);
    expect(relevantLines(relevance, 'any')).toEqual(lines);
    expect(relevantLines(relevance, 'discount')).toEqual(relevance.specific);
  });
});
