import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvPrice, parseCsvSkuAttributes, productsFromCsvRecords, skusFromCsvRecords } from './product-csv.js';

describe('CSV prices', () => {
  it.each([
    ['0', 0],
    ['1999', 1999],
    ['19.99', 'problem'],
    ['-5', 'problem'],
    ['1e3', 'problem'],
    ['99999999999999999999', 'problem'],
  ] as const)('reads %s', (cell, expected) => {
    const price = parseCsvPrice(cell);
    if (expected === 'problem') expect(typeof price).toBe('string');
    else expect(price).toBe(expected);
  });

  it('reads back any price in minor units it is given', () => {
    fc.assert(fc.property(fc.nat({ max: Number.MAX_SAFE_INTEGER }), (price) => parseCsvPrice(String(price)) === price));
  });
});

describe('CSV SKU attributes', () => {
  it.each([
    ['{"color":"blue"}', { color: 'blue' }],
    ["{'color':'blue','size':'L'}", { color: 'blue', size: 'L' }],
    ['{"ranking":1}', { ranking: 1 }],
  ])('reads %s', (cell, expected) => {
    expect(parseCsvSkuAttributes(cell)).toEqual(expected);
  });

  it.each(['blue', '["blue"]', '{"color":{"nested":true}}', 'null', '{'])('refuses %s', (cell) => {
    expect(typeof parseCsvSkuAttributes(cell)).toBe('string');
  });
});

describe('products from CSV records', () => {
  it('maps standard headers case-insensitively and keeps other columns as metadata', () => {
    const [row] = productsFromCsvRecords([
      {
        Name: 'Sofa',
        Source_ID: 's1',
        PRICE: '4990',
        Attributes: 'color, size',
        image_url: 'u',
        Vendor: 'Acme',
        Empty: '',
      },
    ]);
    expect(row).toEqual({
      line: 2,
      source_id: 's1',
      value: {
        name: 'Sofa',
        source_id: 's1',
        price: 4990,
        attributes: ['color', 'size'],
        image_url: 'u',
        metadata: { Vendor: 'Acme' },
      },
    });
  });

  it.each([
    [{ source_id: 's1' }, 'name is required'],
    [{ name: 'Sofa', price: 'ten', source_id: 's1' }, 'price'],
  ])('reports a refused row with its line and source_id: %j', (record, problem) => {
    const [, row] = productsFromCsvRecords([{ name: 'ok' }, record]);
    expect(row).toMatchObject({ line: 3, source_id: 's1', problem: expect.stringContaining(problem) });
  });
});

describe('SKUs from CSV records', () => {
  it('maps the standard headers and keeps other columns as metadata', () => {
    const [row] = skusFromCsvRecords([
      { product_id: 'p1', sku: 'Red', source_id: 's1', price: '100', attributes: "{'color':'red'}", Bin: 'A1' },
    ]);
    expect(row).toEqual({
      line: 2,
      source_id: 's1',
      value: {
        product_ref: 'p1',
        changes: { sku: 'Red', source_id: 's1', price: 100, attributes: { color: 'red' }, metadata: { Bin: 'A1' } },
      },
    });
  });

  it.each([
    [{ product_id: 'p1', sku: 'Red' }, 'source_id is required', undefined],
    [{ sku: 'Red', source_id: 's1' }, 'product_id is required', 's1'],
    [{ product_id: 'p1', source_id: 's1', attributes: 'red' }, 'attributes', 's1'],
  ])('reports a refused row: %j', (record, problem, sourceId) => {
    const [row] = skusFromCsvRecords([record]);
    expect(row).toMatchObject({ line: 2, problem: expect.stringContaining(problem) });
    expect(row?.source_id).toBe(sourceId);
  });
});
