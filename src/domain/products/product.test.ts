import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import {
  applyProductChanges,
  applySkuChanges,
  checkSkuAttributes,
  findUndeclaredAttributes,
  newProduct,
  newSku,
  normalizeAttributeNames,
  type Product,
  type ProductChanges,
} from './product.js';

const now = '2026-01-01T00:00:00.000Z';
const later = '2026-01-02T00:00:00.000Z';

describe('product changes', () => {
  const base = newProduct(
    'prod_1',
    { source_id: 'p1', name: 'Phone', price: 1000, attributes: ['color'], metadata: { a: 1 } },
    now,
  );

  it('creates with nulls for what was not given and no updated_at', () => {
    expect(newProduct('prod_2', {}, now)).toEqual({
      id: 'prod_2',
      source_id: null,
      name: null,
      price: null,
      attributes: [],
      metadata: {},
      image_url: null,
      created_at: now,
      updated_at: null,
    });
  });

  const cases: [string, ProductChanges, Partial<Product>][] = [
    ['leaves absent fields alone', { image_url: 'https://x/p.png' }, { name: 'Phone', image_url: 'https://x/p.png' }],
    ['clears a field given as null', { price: null }, { price: null }],
    ['replaces the attributes', { attributes: ['size'] }, { attributes: ['size'] }],
    ['empties the attributes given as null', { attributes: null }, { attributes: [] }],
    ['names each attribute once', { attributes: ['size', ' size', 'color', ''] }, { attributes: ['size', 'color'] }],
    ['replaces metadata as a whole', { metadata: { b: 2 } }, { metadata: { b: 2 } }],
    ['empties metadata given as null', { metadata: null }, { metadata: {} }],
  ];
  it.each(cases)('%s', (_name, changes, expected) => {
    const updated = applyProductChanges(base, changes, later);
    expect(updated).toMatchObject(expected);
    expect(updated.updated_at).toBe(later);
    expect(updated.created_at).toBe(now);
    expect(base.name).toBe('Phone');
  });

  it('keeps updated_at when asked to (a create is not an update)', () => {
    expect(applyProductChanges(base, { name: 'X' }, null).updated_at).toBeNull();
  });

  it('carries any price it is given, unchanged', () => {
    fc.assert(
      fc.property(fc.option(fc.nat({ max: Number.MAX_SAFE_INTEGER }), { nil: null }), (price) => {
        expect(applyProductChanges(base, { price }, later).price).toBe(price);
      }),
    );
  });

  it('normalizes attribute names idempotently, keeping first-seen order', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 5 })), (names) => {
        const once = normalizeAttributeNames(names);
        expect(normalizeAttributeNames(once)).toEqual(once);
        expect(new Set(once).size).toBe(once.length);
        expect(once.every((name) => name !== '' && name === name.trim())).toBe(true);
      }),
    );
  });
});

describe('SKU changes', () => {
  const base = newSku(
    'sku_1',
    'prod_1',
    { sku: 'Red', price: 500, currency: 'USD', attributes: { color: 'red' } },
    now,
  );

  it('creates with nulls for what was not given', () => {
    expect(newSku('sku_2', 'prod_1', {}, now)).toMatchObject({
      product_id: 'prod_1',
      price: null,
      currency: null,
      attributes: {},
      metadata: {},
      updated_at: null,
    });
  });

  it.each([
    ['leaves absent fields alone', { price: 600 }, { sku: 'Red', price: 600, currency: 'USD' }],
    ['clears the price given as null', { price: null }, { price: null }],
    ['replaces the attributes', { attributes: { color: 'blue' } }, { attributes: { color: 'blue' } }],
    ['empties the attributes given as null', { attributes: null }, { attributes: {} }],
  ] as const)('%s', (_name, changes, expected) => {
    const updated = applySkuChanges(base, changes, later);
    expect(updated).toMatchObject(expected);
    expect(updated.updated_at).toBe(later);
  });
});

describe('SKU attributes', () => {
  const product = newProduct('prod_1', { attributes: ['color', 'size'] }, now);

  it.each([
    [{}, []],
    [{ color: 'red' }, []],
    [{ color: 'red', size: 'L' }, []],
    [{ weight: '2kg' }, ['weight']],
    [{ color: 'red', ranking: 1, shape: 'round' }, ['ranking', 'shape']],
  ])('finds the undeclared ones in %j', (attributes, undeclared) => {
    expect(findUndeclaredAttributes(product, attributes)).toEqual(undeclared);
  });

  it('refuses undeclared attributes with a 400 that names them and the declared ones', () => {
    expect(() => checkSkuAttributes(product, { weight: '2kg' })).toThrow(AppError);
    try {
      checkSkuAttributes(product, { weight: '2kg' });
    } catch (error) {
      expect(error).toMatchObject({ key: 'invalid_payload', code: 400 });
      expect((error as AppError).details).toContain('"weight"');
      expect((error as AppError).details).toContain('color, size');
    }
  });

  it('accepts absent or declared attributes', () => {
    expect(() => checkSkuAttributes(product, undefined)).not.toThrow();
    expect(() => checkSkuAttributes(product, null)).not.toThrow();
    expect(() => checkSkuAttributes(product, { size: 'M' })).not.toThrow();
  });
});
