import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { newProductCollection, type ProductCollectionInput } from './product-collection.js';

const now = '2026-01-01T00:00:00.000Z';

describe('newProductCollection', () => {
  it('makes a STATIC collection by default, each member once, in the order given', () => {
    const collection = newProductCollection(
      'pc_1',
      {
        name: 'Shirts',
        products: [
          { id: 'prod_b', object: 'product' },
          { id: 'sku_a', object: 'sku' },
          { id: 'prod_b', object: 'product' },
          { id: 'prod_a', object: 'product' },
        ],
      },
      now,
    );
    expect(collection).toEqual({
      id: 'pc_1',
      name: 'Shirts',
      type: 'STATIC',
      filter: null,
      products: [
        { id: 'prod_b', object: 'product' },
        { id: 'sku_a', object: 'sku' },
        { id: 'prod_a', object: 'product' },
      ],
      created_at: now,
    });
  });

  it('keeps an AUTO_UPDATE filter as given, with the junction spelled out', () => {
    const filter = { price: { conditions: { $less_than: [1000] } } };
    const collection = newProductCollection('pc_2', { name: 'Cheap', type: 'AUTO_UPDATE', filter }, now);
    expect(collection).toMatchObject({ type: 'AUTO_UPDATE', products: null, filter: { junction: 'and', ...filter } });
  });

  it.each<[string, ProductCollectionInput, string]>([
    ['a filter on STATIC', { name: 'x', type: 'STATIC', filter: {} }, 'filter is for AUTO_UPDATE collections'],
    ['products on AUTO_UPDATE', { name: 'x', type: 'AUTO_UPDATE', filter: {}, products: [] }, 'products is for STATIC'],
    ['AUTO_UPDATE without filter', { name: 'x', type: 'AUTO_UPDATE' }, 'needs a filter'],
    [
      'a filter on an unknown field',
      { name: 'x', type: 'AUTO_UPDATE', filter: { colour: { conditions: { $is: ['red'] } } } },
      'filter.colour: unknown field',
    ],
  ])('refuses %s', (_name, input, details) => {
    let error: unknown;
    try {
      newProductCollection('pc_3', input, now);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).key).toBe('invalid_payload');
    expect((error as AppError).details).toContain(details);
  });
});
