import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import type { FilterFieldCatalog } from './filter.js';
import { normalizeFilterObject, parseFilter } from './parse-filter.js';

const CATALOG: FilterFieldCatalog = {
  id: 'string',
  name: 'string',
  price: 'number',
  created_at: 'date',
  metadata: 'metadata',
};

function refusal(raw: unknown, options = {}): AppError {
  try {
    parseFilter(raw, CATALOG, options);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(raw)}`);
}

describe('parseFilter', () => {
  it("reads Voucherify's example filter", () => {
    const parsed = parseFilter(
      {
        junction: 'and',
        name: { conditions: { $in: ['Coffee', 'Tea'] } },
        price: { conditions: { $more_than: [1000] } },
        'metadata.color': { conditions: { $is: ['red'] } },
      },
      CATALOG,
    );
    expect(parsed).toEqual({
      junction: 'and',
      clauses: [
        {
          field: 'name',
          target: { kind: 'field', name: 'name', type: 'string' },
          conditions: [{ operator: '$in', values: ['Coffee', 'Tea'] }],
        },
        {
          field: 'price',
          target: { kind: 'field', name: 'price', type: 'number' },
          conditions: [{ operator: '$more_than', values: [1000] }],
        },
        {
          field: 'metadata.color',
          target: { kind: 'metadata', name: 'metadata', key: 'color' },
          conditions: [{ operator: '$is', values: ['red'] }],
        },
      ],
    });
  });

  it.each([
    ['junction defaults to and', {}, { junction: 'and', clauses: [] }],
    ['junction in capitals', { junction: 'OR' }, { junction: 'or', clauses: [] }],
  ])('%s', (_name, raw, expected) => {
    expect(parseFilter(raw, CATALOG)).toEqual(expected);
  });

  it.each([
    ['a scalar value is one value', { name: { conditions: { $is: 'Tea' } } }, '$is', ['Tea']],
    [
      '$more_than_equal is $more_than_or_equal',
      { price: { conditions: { $more_than_equal: [5] } } },
      '$more_than_or_equal',
      [5],
    ],
    [
      '$less_than_equal is $less_than_or_equal',
      { price: { conditions: { $less_than_equal: [5] } } },
      '$less_than_or_equal',
      [5],
    ],
    [
      'numbers may come as text (query strings)',
      { price: { conditions: { $less_than: ['12.5'] } } },
      '$less_than',
      [12.5],
    ],
    [
      'dates are read as instants',
      { created_at: { conditions: { $after: ['2024-01-02'] } } },
      '$after',
      ['2024-01-02T00:00:00.000Z'],
    ],
    ['presence operators ignore their values', { name: { conditions: { $has_value: '' } } }, '$has_value', []],
    [
      'metadata equality keeps the value type',
      { 'metadata.vip': { conditions: { $in: [true, 3, 'x'] } } },
      '$in',
      [true, 3, 'x'],
    ],
    ['metadata keys may hold dots', { 'metadata.a.b': { conditions: { $is_unknown: [] } } }, '$is_unknown', []],
  ])('%s', (_name, raw, operator, values) => {
    const [clause] = parseFilter(raw, CATALOG).clauses;
    expect(clause?.conditions).toEqual([{ operator, values }]);
  });

  it.each([
    ['not an object', ['x'], 'filter: must be an object'],
    ['a bad junction', { junction: 'xor' }, 'filter.junction: must be "and" or "or"'],
    [
      'an unknown field',
      { colour: { conditions: { $is: ['red'] } } },
      'filter.colour: unknown field; allowed: id, name, price, created_at, metadata.<key>',
    ],
    ['bare metadata', { metadata: { conditions: { $is: ['red'] } } }, 'filter.metadata: name a key of it'],
    [
      'a metadata key with a quote',
      { 'metadata.a"b': { conditions: { $is: ['red'] } } },
      'filter.metadata.a"b: a metadata key must be',
    ],
    ['a clause without conditions', { name: { $is: ['x'] } }, 'filter.name: may hold only "conditions", not "$is"'],
    [
      'empty conditions',
      { name: { conditions: {} } },
      'filter.name.conditions: must be an object with at least one operator',
    ],
    [
      'an unknown operator',
      { name: { conditions: { $like: ['x'] } } },
      'filter.name.conditions.$like: unknown operator; allowed: $is,',
    ],
    [
      'an operator of another type',
      { price: { conditions: { $starts_with: ['1'] } } },
      'filter.price.conditions.$starts_with: does not apply to number fields',
    ],
    [
      'dates have no $is',
      { created_at: { conditions: { $is: ['2024-01-01'] } } },
      'filter.created_at.conditions.$is: does not apply to date fields',
    ],
    [
      'a string for a number',
      { price: { conditions: { $more_than: ['cheap'] } } },
      'filter.price.conditions.$more_than[0]: expected a number, got "cheap"',
    ],
    [
      'a number for a string',
      { name: { conditions: { $is: [5] } } },
      'filter.name.conditions.$is[0]: expected a string, got 5',
    ],
    [
      'a bad date',
      { created_at: { conditions: { $before: ['yesterday'] } } },
      'filter.created_at.conditions.$before[0]: expected an ISO-8601 date',
    ],
    [
      'an object in metadata',
      { 'metadata.x': { conditions: { $is: [{}] } } },
      'expected a string, number or boolean, got {}',
    ],
    [
      'two values for $is',
      { name: { conditions: { $is: ['a', 'b'] } } },
      'filter.name.conditions.$is: takes exactly one value, got 2',
    ],
    [
      'no values for $in',
      { name: { conditions: { $in: [] } } },
      'filter.name.conditions.$in: takes 1 to 1000 values, got 0',
    ],
    ['an empty needle', { name: { conditions: { $contains: [''] } } }, '$contains needs a non-empty string'],
  ])('refuses %s, naming the bad part', (_name, raw, details) => {
    const error = refusal(raw);
    expect(error.key).toBe('invalid_payload');
    expect(error.code).toBe(400);
    expect(error.details).toContain(details);
  });

  it('refuses more than 1000 values in one filter', () => {
    const values = Array.from({ length: 600 }, (_, i) => `v${i}`);
    const raw = { name: { conditions: { $in: values } }, id: { conditions: { $not_in: values } } };
    expect(refusal(raw).details).toBe('filter: holds more than 1000 values in all');
  });

  it('speaks of query parameters when asked to', () => {
    const error = refusal({ nope: {} }, { errorKey: 'invalid_query_params', label: 'filters' });
    expect(error.key).toBe('invalid_query_params');
    expect(error.details).toMatch(/^filters\.nope: unknown field/);
  });

  it('keeps the client object and spells out the junction', () => {
    const raw = { name: { conditions: { $is: 'x' } } };
    expect(normalizeFilterObject(raw, parseFilter(raw, CATALOG))).toEqual({ junction: 'and', ...raw });
    const upper = { junction: 'OR', name: { conditions: { $is: 'x' } } };
    expect(normalizeFilterObject(upper, parseFilter(upper, CATALOG))).toEqual(upper);
  });
});
