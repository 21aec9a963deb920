import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { combineNeeds, parseSegmentFilter, readEventField } from './segment-filter.js';

function refusal(raw: unknown): string {
  try {
    parseSegmentFilter(raw);
  } catch (error) {
    if (error instanceof AppError) {
      expect(error.code).toBe(400);
      return error.details ?? '';
    }
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(raw)}`);
}

describe('parseSegmentFilter', () => {
  it("reads Voucherify's filters and says what they need", () => {
    const filter = parseSegmentFilter({
      junction: 'AND',
      'metadata.tier': { conditions: { $is: ['vip'] } },
      'summary.orders.total_amount': { conditions: { $more_than: [10000] } },
      'events.signed_up.count': { conditions: { $more_than_equal: [2] } },
      'events.cart.abandoned.last_at': { conditions: { $after: ['2026-01-01'] } },
    });
    expect(filter.parsed.junction).toBe('and');
    expect(filter.normalized.junction).toBe('AND');
    expect(filter.needs).toEqual({ orders: true, redemptions: false, events: ['signed_up', 'cart.abandoned'] });
  });

  it.each([
    ['not an object', [], 'filter: must be an object'],
    ['no field', { junction: 'and' }, 'filter: name at least one customer field'],
    ['an unknown field', { loyalty: { conditions: { $is: ['x'] } } }, 'filter.loyalty: unknown field'],
    ['an unknown operator', { name: { conditions: { $next_month: [true] } } }, 'unknown operator'],
    [
      'an operator of another type',
      { 'summary.orders.total_count': { conditions: { $starts_with: ['1'] } } },
      'does not apply to number fields',
    ],
    [
      'a text where a number goes',
      { 'summary.orders.total_amount': { conditions: { $more_than: ['lots'] } } },
      'expected a number',
    ],
    ['an event without a figure', { 'events.signed_up': { conditions: { $is: ['x'] } } }, '"events.<name>.count"'],
    ['an event without a name', { 'events.count': { conditions: { $is: [1] } } }, '"events.<name>.count"'],
    ['an event figure that is not one', { 'events.x.total': { conditions: { $is: [1] } } }, '"events.<name>.count"'],
    ['a bad junction', { junction: 'xor', name: { conditions: { $is: ['a'] } } }, 'filter.junction'],
    ['a relative operator on a text', { email: { conditions: { $less_than_ago: [3] } } }, 'apply to date fields only'],
    ['a relative operator on metadata', { 'metadata.x': { conditions: { $is_days_ago: [3] } } }, 'date fields only'],
    ['a relative operator on an unknown field', { nope: { conditions: { $more_than_ago: [3] } } }, 'date fields only'],
    ['days that are not a number', { created_at: { conditions: { $less_than_ago: ['x'] } } }, 'whole number of days'],
    ['negative days', { created_at: { conditions: { $less_than_ago: [-1] } } }, 'whole number of days'],
    ['fractional days', { created_at: { conditions: { $less_than_ago: [1.5] } } }, 'whole number of days'],
    ['two numbers of days', { created_at: { conditions: { $less_than_ago: [1, 2] } } }, 'exactly one'],
    [
      'a relative clause with another key',
      { created_at: { conditions: { $less_than_ago: [1] }, extra: 1 } },
      'may hold only "conditions"',
    ],
  ])('refuses %s with a 400 naming it', (_, raw, expected) => {
    expect(refusal(raw)).toContain(expected);
  });
});

describe('relative-date conditions', () => {
  it('are kept apart from the shared ones and make the filter time-dependent', () => {
    const filter = parseSegmentFilter({
      junction: 'or',
      'events.purchase.last_at': { conditions: { $less_than_ago: ['30'] } },
      created_at: { conditions: { $more_than_ago: [7], $after: ['2020-01-01'] } },
      email: { conditions: { $has_value: [] } },
    });
    expect(filter.timeDependent).toBe(true);
    expect(filter.needs.events).toEqual(['purchase']);
    expect(filter.clauses.map((clause) => [clause.field, clause.shared !== null, clause.relative])).toEqual([
      ['events.purchase.last_at', false, [{ operator: '$less_than_ago', days: 30 }]],
      ['created_at', true, [{ operator: '$more_than_ago', days: 7 }]],
      ['email', true, []],
    ]);
    expect(filter.normalized).toMatchObject({ junction: 'or', 'events.purchase.last_at': expect.any(Object) });
  });

  it('leave a filter without them independent of time', () => {
    expect(parseSegmentFilter({ created_at: { conditions: { $after: ['2020-01-01'] } } }).timeDependent).toBe(false);
  });
});

describe('readEventField', () => {
  it.each([
    ['events.signed_up.count', { event: 'signed_up', figure: 'count' }],
    ['events.a.b.last_at', { event: 'a.b', figure: 'last_at' }],
    ['events.count', undefined],
    ['events..count', undefined],
    ['metadata.count', undefined],
  ])('%s', (field, expected) => {
    expect(readEventField(field)).toEqual(expected);
  });
});

describe('combineNeeds', () => {
  it('loads what any of the filters needs, each event once', () => {
    expect(
      combineNeeds([
        { orders: false, redemptions: true, events: ['a'] },
        { orders: true, redemptions: false, events: ['a', 'b'] },
      ]),
    ).toEqual({ orders: true, redemptions: true, events: ['a', 'b'] });
  });
});
