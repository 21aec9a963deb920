import { describe, expect, it } from 'vitest';
import { normalizeHiddenMetadata, withoutHiddenMetadata } from './client-metadata.js';

describe('withoutHiddenMetadata', () => {
  const metadata = { color: 'red', cost_price: 1200, supplier: 'ACME' };
  const cases: [string, string[] | undefined, Record<string, unknown>][] = [
    ['nothing hidden', undefined, metadata],
    ['an empty list', [], metadata],
    ['one key', ['cost_price'], { color: 'red', supplier: 'ACME' }],
    ['two keys and an unknown one', ['cost_price', 'supplier', 'absent'], { color: 'red' }],
    ['every key', ['*'], {}],
  ];
  it.each(cases)('%s', (_label, hidden, expected) => {
    expect(withoutHiddenMetadata(metadata, hidden)).toEqual(expected);
  });

  it('never changes the object it is given', () => {
    const original = { a: 1, b: 2 };
    withoutHiddenMetadata(original, ['a']);
    expect(original).toEqual({ a: 1, b: 2 });
  });
});

describe('normalizeHiddenMetadata', () => {
  it('trims keys, keeps each once and leaves out objects without keys', () => {
    expect(normalizeHiddenMetadata({ customer: [' tier ', 'tier', ''], order: [], product: ['cost_price'] })).toEqual({
      customer: ['tier'],
      product: ['cost_price'],
    });
  });
});
