import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Product, Sku } from '../products/product.js';
import { computeOrderTotals, priceOrderItem } from './price-order.js';

const product: Product = {
  id: 'prod_1',
  source_id: 'shirt',
  name: 'Shirt',
  price: 2900,
  attributes: ['size'],
  metadata: { brand: 'x' },
  image_url: null,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: null,
};
const sku: Sku = {
  id: 'sku_1',
  product_id: 'prod_1',
  source_id: 'shirt-xl',
  sku: 'Shirt XL',
  price: 3100,
  currency: null,
  attributes: { size: 'XL' },
  image_url: null,
  metadata: {},
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: null,
};
const none = { product: null, sku: null };

describe('priceOrderItem', () => {
  it.each([
    [
      'takes the line price before the catalog',
      { price: 1000, quantity: 2 },
      { product, sku: null },
      { price: 1000, amount: 2000 },
    ],
    ['takes the SKU price before the product price', { quantity: 3 }, { product, sku }, { price: 3100, amount: 9300 }],
    ['takes the product price', { quantity: 2 }, { product, sku: null }, { price: 2900, amount: 5800 }],
    ['keeps a stated amount', { quantity: 2, amount: 5000 }, { product, sku: null }, { price: 2900, amount: 5000 }],
    ['counts a line without quantity once', {}, { product, sku: null }, { amount: 2900, quantity: null }],
    [
      'subtracts the line discount',
      { quantity: 1, discount_amount: 400 },
      { product, sku: null },
      { subtotal_amount: 2500 },
    ],
    ['accepts a line with only an amount', { amount: 700 }, none, { amount: 700, product: null, related_object: null }],
    [
      'names the SKU and its product',
      { quantity: 1 },
      { product, sku },
      { related_object: 'sku', sku_id: 'sku_1', product_id: 'prod_1', source_id: 'shirt-xl' },
    ],
  ] as const)('%s', (_name, input, match, expected) => {
    expect(priceOrderItem(input, match, 0)).toMatchObject(expected);
  });

  it('prices price × quantity with a subtotal never below zero', () => {
    const pricedLine = fc
      .record({ price: fc.integer({ min: 0, max: 10_000_000 }), quantity: fc.integer({ min: 0, max: 10_000 }) })
      .chain((l) => fc.record({ line: fc.constant(l), discount: fc.integer({ min: 0, max: l.price * l.quantity }) }));
    fc.assert(
      fc.property(pricedLine, ({ line: { price, quantity }, discount }) => {
        const item = priceOrderItem({ price, quantity, discount_amount: discount }, none, 0);
        expect(item.amount).toBe(price * quantity);
        expect(item.subtotal_amount).toBe(price * quantity - discount);
        expect(item.subtotal_amount).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('refuses a line that names nothing and costs nothing', () => {
    expect(() => priceOrderItem({ quantity: 2 }, none, 3)).toThrow(
      expect.objectContaining({ key: 'invalid_payload', details: expect.stringContaining('.items[3]') }),
    );
  });

  it('refuses a price × quantity beyond what a double holds exactly', () => {
    expect(() => priceOrderItem({ price: 2 ** 52, quantity: 1_000_000 }, none, 1)).toThrow(
      expect.objectContaining({ key: 'invalid_payload', details: expect.stringContaining('.items[1].amount') }),
    );
  });

  it('refuses a line discount larger than the line', () => {
    expect(() => priceOrderItem({ amount: 100, discount_amount: 101 }, none, 0)).toThrow(
      expect.objectContaining({ key: 'invalid_payload' }),
    );
  });
});

describe('computeOrderTotals', () => {
  it('follows Voucherify: sum of lines, order and line discounts, total', () => {
    const items = [
      priceOrderItem({ amount: 3300, discount_amount: 300 }, none, 0),
      priceOrderItem({ amount: 3400 }, none, 1),
    ];
    expect(computeOrderTotals(items, { discount_amount: 1000 })).toEqual({
      amount: 6700,
      initial_amount: 6700,
      discount_amount: 1000,
      items_discount_amount: 300,
      total_discount_amount: 1300,
      total_amount: 5400,
    });
  });

  it('keeps the amounts the shop states', () => {
    const items = [priceOrderItem({ amount: 3300 }, none, 0)];
    expect(computeOrderTotals(items, { amount: 5000, initial_amount: 6000 })).toMatchObject({
      amount: 5000,
      initial_amount: 6000,
      total_amount: 5000,
    });
  });

  it('refuses a sum of lines beyond what a double holds exactly', () => {
    const items = Array.from({ length: 3 }, (_, i) => priceOrderItem({ amount: 2 ** 52 }, none, i));
    expect(() => computeOrderTotals(items, {})).toThrow(
      expect.objectContaining({ key: 'invalid_payload', details: expect.stringContaining('.amount') }),
    );
    expect(computeOrderTotals(items, { amount: 10 })).toMatchObject({ amount: 10, total_amount: 10 });
  });

  const line = fc.record({
    amount: fc.integer({ min: 0, max: 1_000_000 }),
    discount: fc.integer({ min: 0, max: 1_000_000 }),
  });
  const order = fc.record({
    lines: fc.array(line, { maxLength: 20 }),
    amount: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: undefined }),
    discount: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: undefined }),
  });

  it('never goes below zero and always adds up, in any line order', () => {
    fc.assert(
      fc.property(order, ({ lines, amount, discount }) => {
        const items = lines.map((l, i) =>
          priceOrderItem({ amount: l.amount, discount_amount: Math.min(l.discount, l.amount) }, none, i),
        );
        const totals = computeOrderTotals(items, { amount, discount_amount: discount });
        expect(totals.total_amount).toBeGreaterThanOrEqual(0);
        expect(totals.items_discount_amount).toBe(items.reduce((s, i) => s + (i.discount_amount ?? 0), 0));
        expect(totals.total_discount_amount).toBe(totals.discount_amount + totals.items_discount_amount);
        expect(totals.total_amount).toBe(Math.max(0, totals.amount - totals.total_discount_amount));
        expect(computeOrderTotals([...items].reverse(), { amount, discount_amount: discount })).toEqual(totals);
      }),
    );
  });
});
