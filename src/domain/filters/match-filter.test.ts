import { describe, expect, it } from 'vitest';
import type { FilterFieldCatalog } from './filter.js';
import { matchesFilter } from './match-filter.js';
import { parseFilter } from './parse-filter.js';

const CATALOG: FilterFieldCatalog = {
  name: 'string',
  price: 'number',
  created_at: 'date',
  updated_at: 'date',
  'address.city': 'string',
  metadata: 'metadata',
};

const coffee = {
  name: 'Coffee',
  price: 1200,
  created_at: '2024-03-01T10:00:00.000Z',
  updated_at: null,
  address: { city: 'Kraków' },
  metadata: { color: 'red', size: 5, vip: true, tags: ['a'], none: null, 'a.b': 'dotted' },
};

function matches(raw: Record<string, unknown>, object: Record<string, unknown> = coffee): boolean {
  return matchesFilter(parseFilter(raw, CATALOG), object);
}

const is = (field: string, operator: string, ...values: unknown[]) => ({
  [field]: { conditions: { [operator]: values } },
});

describe('matchesFilter', () => {
  it.each([
    ['$is', is('name', '$is', 'Coffee'), true],
    ['$is is case-sensitive', is('name', '$is', 'coffee'), false],
    ['$is_not', is('name', '$is_not', 'Tea'), true],
    ['$in', is('name', '$in', 'Tea', 'Coffee'), true],
    ['$not_in', is('name', '$not_in', 'Tea', 'Coffee'), false],
    ['$starts_with', is('name', '$starts_with', 'Cof'), true],
    ['$ends_with', is('name', '$ends_with', 'fee'), true],
    ['$ends_with is case-sensitive', is('name', '$ends_with', 'FEE'), false],
    ['$contains', is('name', '$contains', 'ffe'), true],
    ['$not_contain', is('name', '$not_contain', 'ffe'), false],
    ['a dotted field path', is('address.city', '$is', 'Kraków'), true],
    ['$more_than', is('price', '$more_than', 1200), false],
    ['$more_than_or_equal', is('price', '$more_than_or_equal', 1200), true],
    ['$less_than', is('price', '$less_than', 1200.5), true],
    ['$less_than_or_equal', is('price', '$less_than_or_equal', 1199), false],
    ['number $is', is('price', '$is', '1200'), true],
    ['$after', is('created_at', '$after', '2024-03-01'), true],
    ['$before', is('created_at', '$before', '2024-03-01T10:00:00Z'), false],
    ['dates compare as instants', is('created_at', '$before', '2024-03-01T11:00:00+01:00'), false],
    ['$is_unknown of null', is('updated_at', '$is_unknown'), true],
    ['$has_value of null', is('updated_at', '$has_value'), false],
    ['$after of null', is('updated_at', '$after', '2000-01-01'), false],
    ['metadata text', is('metadata.color', '$is', 'red'), true],
    ['metadata number by number', is('metadata.size', '$is', 5), true],
    ['metadata number is not its text', is('metadata.size', '$is', '5'), false],
    ['metadata number ordering', is('metadata.size', '$more_than', 4), true],
    ['metadata text has no ordering', is('metadata.color', '$more_than', 4), false],
    ['metadata boolean', is('metadata.vip', '$is', true), true],
    ['metadata boolean is not its text', is('metadata.vip', '$is', 'true'), false],
    ['metadata key with a dot', is('metadata.a.b', '$is', 'dotted'), true],
    ['missing metadata is unknown', is('metadata.absent', '$is_unknown'), true],
    ['null metadata is unknown', is('metadata.none', '$is_unknown'), true],
    ['an array is known', is('metadata.tags', '$has_value'), true],
    ['missing metadata fails $is_not', is('metadata.absent', '$is_not', 'red'), false],
    ['missing metadata fails $not_in', is('metadata.absent', '$not_in', 'red'), false],
    ['missing metadata fails $not_contain', is('metadata.absent', '$not_contain', 'r'), false],
    ['a number is not a text containing', is('metadata.size', '$not_contain', '5'), true],
    ['an array is not red', is('metadata.tags', '$is_not', 'red'), true],
  ])('%s', (_name, filter, expected) => {
    expect(matches(filter)).toBe(expected);
  });

  it('joins clauses by the junction and the conditions of one field with and', () => {
    const range = { price: { conditions: { $more_than: [1000], $less_than: [1100] } } };
    expect(matches(range)).toBe(false);
    expect(matches({ junction: 'or', ...range, ...is('name', '$is', 'Coffee') })).toBe(true);
    expect(matches({ junction: 'and', ...range, ...is('name', '$is', 'Coffee') })).toBe(false);
  });

  it('matches everything without clauses, whatever the junction', () => {
    expect(matches({ junction: 'or' })).toBe(true);
    expect(matches({}, {})).toBe(true);
  });

  it('reads only own properties', () => {
    expect(matches(is('metadata.constructor', '$has_value'))).toBe(false);
    expect(matches(is('metadata.__proto__', '$has_value'), { metadata: JSON.parse('{"__proto__": "x"}') })).toBe(true);
  });
});
