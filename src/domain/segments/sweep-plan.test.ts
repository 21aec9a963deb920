import { describe, expect, it } from 'vitest';
import { parseSegmentFilter } from './segment-filter.js';
import { dateSourceOf, planSweep } from './sweep-plan.js';

const since = new Date('2026-03-01T00:00:00.000Z');
const now = new Date('2026-03-02T00:00:00.000Z');

describe('dateSourceOf', () => {
  it.each([
    ['created_at', { kind: 'customer', column: 'created_at' }],
    ['birthdate', { kind: 'customer', column: 'birthdate' }],
    ['summary.orders.last_order_date', { kind: 'orders' }],
    ['events.cart.abandoned.last_at', { kind: 'event', event: 'cart.abandoned' }],
    ['events.signed_up.count', undefined],
    ['email', undefined],
  ])('%s', (field, expected) => {
    expect(dateSourceOf(field)).toEqual(expected);
  });
});

describe('planSweep', () => {
  it('looks again only at the dates a bound passed over since the last sweep', () => {
    const filter = parseSegmentFilter({
      'events.purchase.last_at': { conditions: { $less_than_ago: [30] } },
      'metadata.tier': { conditions: { $is: ['vip'] } },
    });
    expect(
      planSweep(
        [
          { filter, since },
          { filter, since },
        ],
        now,
      ),
    ).toEqual([
      {
        source: { kind: 'event', event: 'purchase' },
        from: '2026-01-30T00:00:00.001Z',
        to: '2026-01-31T00:00:00.001Z',
      },
      {
        source: { kind: 'event', event: 'purchase' },
        from: '2026-03-01T00:00:00.001Z',
        to: '2026-03-02T00:00:00.001Z',
      },
    ]);
  });

  it('plans nothing for a filter without a relative condition, or when no time passed', () => {
    const relative = parseSegmentFilter({ created_at: { conditions: { $more_than_ago: [7] } } });
    const fixed = parseSegmentFilter({ created_at: { conditions: { $before: ['2026-01-01'] } } });
    expect(planSweep([{ filter: fixed, since }], now)).toEqual([]);
    expect(planSweep([{ filter: relative, since: now }], now)).toEqual([]);
    expect(planSweep([{ filter: relative, since }], now)).toEqual([
      {
        source: { kind: 'customer', column: 'created_at' },
        from: '2026-02-22T00:00:00.000Z',
        to: '2026-02-23T00:00:00.000Z',
      },
    ]);
  });
});
