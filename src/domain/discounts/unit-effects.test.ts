import { describe, expect, it } from 'vitest';
import { newOrder } from '../orders/order-changes.js';
import type { OrderAmountsInput } from '../orders/order-input.js';
import { type CatalogMatch, priceOrderItem } from '../orders/price-order.js';
import type { Product, Sku } from '../products/product.js';
import { applyDiscount, type CatalogLookup } from './apply-discount.js';
import { type CalculatedOrder, startCalculation } from './calculated-order.js';
import type { Discount } from './discount.js';

const at = '2026-01-01T00:00:00.000Z';

function productOf(id: string, price: number | null): Product {
  const base = { source_id: `src_${id}`, name: `Name ${id}`, attributes: [], metadata: {}, image_url: null };
  return { id, price, ...base, created_at: at, updated_at: null };
}

function skuOf(id: string, productId: string, price: number | null): Sku {
  const base = { source_id: `src_${id}`, sku: `Sku ${id}`, currency: null, attributes: {}, image_url: null };
  return { id, product_id: productId, price, ...base, metadata: {}, created_at: at, updated_at: null };
}

const shirt = productOf('prod_shirt', 2900);
const blue = productOf('prod_blue', 3100);
const shipping = productOf('prod_shipping', 1000);
const shirtXl = skuOf('sku_xl', 'prod_shirt', 3300);

function orderOf(lines: [CatalogMatch, number][], amounts: OrderAmountsInput = {}): CalculatedOrder {
  const items = lines.map(([match, quantity], i) => priceOrderItem({ quantity }, match, i));
  return startCalculation(newOrder('ord_1', { items, ...amounts }, at));
}

const catalogOf =
  (...products: Product[]): CatalogLookup =>
  (productId, skuId) => {
    const product = products.find((p) => p.id === productId);
    if (!product) return undefined;
    return { product, sku: skuId === shirtXl.id ? shirtXl : null };
  };

const only = (product: Product): CatalogMatch => ({ product, sku: null });

describe('unit discounts', () => {
  it('ADD_NEW_ITEMS adds the units to the line and discounts only those (1 shirt → 2, 5800, 2900)', () => {
    const order = orderOf([[only(shirt), 1]], { amount: 2900 });
    const discount: Discount = { type: 'UNIT', unit_off: 1, unit_type: shirt.id, effect: 'ADD_NEW_ITEMS' };
    const result = applyDiscount(order, discount);
    expect(result.effect).toBe('ADD_NEW_ITEMS');
    expect(result.discount_amount).toBe(2900);
    expect(result.applied_items).toEqual([0]);
    expect(result.order.items[0]).toMatchObject({
      quantity: 2,
      amount: 5800,
      discount_amount: 2900,
      subtotal_amount: 2900,
      initial_quantity: 1,
      initial_amount: 2900,
      discount_quantity: 1,
      applied_discount_quantity: 1,
      applied_quantity: 1,
      applied_quantity_amount: 2900,
    });
    expect(result.order).toMatchObject({
      amount: 5800,
      initial_amount: 2900,
      items_discount_amount: 2900,
      total_discount_amount: 2900,
      total_amount: 2900,
    });
  });

  it('ADD_MISSING_ITEMS discounts a unit already in the cart without adding one', () => {
    const order = orderOf([[only(shirt), 1]]);
    const discount: Discount = { type: 'UNIT', unit_off: 1, unit_type: shirt.id, effect: 'ADD_MISSING_ITEMS' };
    const { order: result } = applyDiscount(order, discount);
    expect(result.items[0]).toMatchObject({ quantity: 1, amount: 2900, discount_amount: 2900, applied_quantity: 0 });
    expect(result).toMatchObject({ amount: 2900, total_amount: 0 });
  });

  it('ADD_MISSING_ITEMS tops the line up to unit_off units', () => {
    const order = orderOf([[only(shirt), 1]]);
    const discount: Discount = { type: 'UNIT', unit_off: 3, unit_type: shirt.id, effect: 'ADD_MISSING_ITEMS' };
    const { order: result } = applyDiscount(order, discount);
    expect(result.items[0]).toMatchObject({ quantity: 3, amount: 8700, discount_amount: 8700, applied_quantity: 2 });
    expect(result).toMatchObject({ amount: 8700, total_amount: 0 });
  });

  it('ADD_MANY_ITEMS applies each grant (docs: 6000 → amount 9100, discount 6000, total 3100)', () => {
    const order = orderOf(
      [
        [only(shirt), 1],
        [only(blue), 1],
      ],
      { amount: 6000 },
    );
    const discount: Discount = {
      type: 'UNIT',
      effect: 'ADD_MANY_ITEMS',
      units: [
        { unit_off: 1, unit_type: shirt.id, effect: 'ADD_MISSING_ITEMS' },
        { unit_off: 1, unit_type: blue.id, effect: 'ADD_NEW_ITEMS' },
      ],
    };
    const result = applyDiscount(order, discount);
    expect(result.order).toMatchObject({
      amount: 9100,
      items_discount_amount: 6000,
      total_discount_amount: 6000,
      total_amount: 3100,
      items_applied_discount_amount: 6000,
      total_applied_discount_amount: 6000,
    });
    expect(result.order.items).toMatchObject([
      {
        quantity: 1,
        discount_quantity: 1,
        initial_quantity: 1,
        amount: 2900,
        discount_amount: 2900,
        subtotal_amount: 0,
      },
      {
        quantity: 2,
        discount_quantity: 1,
        initial_quantity: 1,
        amount: 6200,
        discount_amount: 3100,
        subtotal_amount: 3100,
      },
    ]);
    expect(result.applied_items).toEqual([0, 1]);
  });

  it('adds a line for a product the order lacks, priced from the catalog', () => {
    const order = orderOf([[only(blue), 1]]);
    const discount: Discount = { type: 'UNIT', unit_off: 2, unit_type: shirt.id, effect: 'ADD_MISSING_ITEMS' };
    const result = applyDiscount(order, discount, undefined, { catalog: catalogOf(shirt) });
    expect(result.applied_items).toEqual([1]);
    expect(result.order.items[1]).toMatchObject({
      product_id: shirt.id,
      related_object: 'product',
      source_id: shirt.source_id,
      product: { id: shirt.id, name: shirt.name, price: 2900 },
      quantity: 2,
      price: 2900,
      amount: 5800,
      discount_amount: 5800,
      subtotal_amount: 0,
      initial_quantity: 0,
      initial_amount: 0,
      applied_quantity: 2,
      applied_quantity_amount: 5800,
    });
    expect(result.order).toMatchObject({ amount: 8900, initial_amount: 3100, total_amount: 3100 });
  });

  it('gives a SKU of the product when the discount names one', () => {
    const order = orderOf([[only(shirt), 1]]);
    const discount: Discount = {
      type: 'UNIT',
      unit_off: 1,
      unit_type: shirt.id,
      effect: 'ADD_MISSING_ITEMS',
      sku: { id: shirtXl.id },
    };
    const result = applyDiscount(order, discount, undefined, { catalog: catalogOf(shirt) });
    expect(result.order.items).toHaveLength(2);
    expect(result.order.items[1]).toMatchObject({ sku_id: shirtXl.id, related_object: 'sku', price: 3300 });
    expect(result.discount_amount).toBe(3300);
  });

  it('gives free shipping as a unit of the shipping product', () => {
    const order = orderOf([[only(shirt), 2]]);
    const discount: Discount = { type: 'UNIT', unit_off: 1, unit_type: shipping.id, effect: 'ADD_MISSING_ITEMS' };
    const result = applyDiscount(order, discount, undefined, { catalog: catalogOf(shipping) });
    expect(result.order.items[1]).toMatchObject({ product_id: shipping.id, amount: 1000, subtotal_amount: 0 });
    expect(result.order).toMatchObject({ amount: 6800, total_discount_amount: 1000, total_amount: 5800 });
    const already = applyDiscount(orderOf([[only(shipping), 1]]), discount);
    expect(already.order).toMatchObject({ amount: 1000, total_amount: 0 });
  });

  it('reports units it cannot price and changes nothing', () => {
    const order = orderOf([[only(shirt), 1]]);
    const discount: Discount = {
      type: 'UNIT',
      effect: 'ADD_MANY_ITEMS',
      units: [
        { unit_off: 1, unit_type: shirt.id, effect: 'ADD_NEW_ITEMS' },
        { unit_off: 1, unit_type: 'prod_unknown', effect: 'ADD_NEW_ITEMS', sku: { id: 'sku_x' } },
        { unit_off: 1, unit_type: 'prod_free', effect: 'ADD_NEW_ITEMS' },
      ],
    };
    const result = applyDiscount(order, discount, undefined, { catalog: catalogOf(productOf('prod_free', null)) });
    expect(result.missing_products).toEqual([
      { product_id: 'prod_unknown', sku_id: 'sku_x' },
      { product_id: 'prod_free', sku_id: null },
    ]);
    expect(result.discount_amount).toBe(0);
    expect(result.order).toEqual(order);
  });

  it('stacks two ADD_MISSING_ITEMS grants into two free units', () => {
    const discount: Discount = { type: 'UNIT', unit_off: 1, unit_type: shirt.id, effect: 'ADD_MISSING_ITEMS' };
    const once = applyDiscount(orderOf([[only(shirt), 1]]), discount);
    const twice = applyDiscount(once.order, discount);
    expect(twice.order.items[0]).toMatchObject({ quantity: 2, discount_quantity: 2, discount_amount: 5800 });
    expect(twice.order.items[0]).toMatchObject({ applied_quantity: 1, applied_discount_amount: 2900 });
    expect(twice.order).toMatchObject({ amount: 5800, total_amount: 0 });
  });

  it('frees no more than the line has left after an earlier discount', () => {
    const half = applyDiscount(orderOf([[only(shirt), 1]]), {
      type: 'PERCENT',
      percent_off: 50,
      effect: 'APPLY_TO_ITEMS',
    });
    const discount: Discount = { type: 'UNIT', unit_off: 1, unit_type: shirt.id, effect: 'ADD_MISSING_ITEMS' };
    const result = applyDiscount(half.order, discount);
    expect(result.discount_amount).toBe(1450);
    expect(result.order.items[0]).toMatchObject({ discount_amount: 2900, subtotal_amount: 0 });
  });
});
