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
  ])('refuses %s with a 400 naming it', (_, raw, expected) => {
    expect(refusal(raw)).toContain(expected);
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
