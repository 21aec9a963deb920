import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newCustomer } from '../customers/customer.js';
import { matchesSegmentFilter } from './match-segment.js';
import { NO_ORDERS, NO_REDEMPTIONS, orderFigures, type SegmentFacts } from './segment-facts.js';
import { parseSegmentFilter } from './segment-filter.js';

const ada: SegmentFacts = {
  customer: {
    ...newCustomer(
      'cust_ada',
      {
        source_id: 'ada',
        name: 'Ada',
        email: 'ada@example.com',
        birthdate: '1990-05-01',
        address: { city: 'Kraków', country: 'PL' },
        metadata: { tier: 'vip', visits: 12 },
      },
      '2026-01-10T00:00:00.000Z',
    ),
  },
  orders: orderFigures({
    total_amount: 25000,
    total_count: 2,
    last_order_amount: 5000,
    last_order_date: '2026-02-01T00:00:00.000Z',
  }),
  redemptions: { ...NO_REDEMPTIONS, total_succeeded: 3, total_redeemed: 3 },
  events: {
    signed_up: { count: 2, last_at: '2026-02-03T00:00:00.000Z' },
    'cart.abandoned': { count: 1, last_at: '2026-01-05T00:00:00.000Z' },
  },
};

const blank: SegmentFacts = {
  customer: newCustomer('cust_blank', {}, '2025-01-01T00:00:00.000Z'),
  orders: NO_ORDERS,
  redemptions: NO_REDEMPTIONS,
  events: {},
};

const is = (field: string, operator: string, ...values: unknown[]) => ({
  [field]: { conditions: { [operator]: values } },
});

const NOW = new Date('2026-02-10T12:00:00.000Z');

function matches(raw: Record<string, unknown>, facts: SegmentFacts = ada, now: Date = NOW): boolean {
  return matchesSegmentFilter(parseSegmentFilter(raw), facts, now);
}

describe('matchesSegmentFilter', () => {
  it.each([
    ['metadata', is('metadata.tier', '$is', 'vip'), true, false],
    ['metadata number', is('metadata.visits', '$more_than', 10), true, false],
    ['a plain field', is('email', '$ends_with', '@example.com'), true, false],
    ['an address field', is('address.city', '$is', 'Kraków'), true, false],
    ['a missing address', is('address.city', '$is_unknown'), false, true],
    ['the birthdate', is('birthdate', '$before', '1991-01-01'), true, false],
    ['created_at', is('created_at', '$after', '2026-01-01'), true, false],
    ['order total', is('summary.orders.total_amount', '$more_than', 10000), true, false],
    ['order count', is('summary.orders.total_count', '$is', 2), true, false],
    ['no orders count as zero', is('summary.orders.total_count', '$less_than', 1), false, true],
    ['order average', is('summary.orders.average_amount', '$is', 12500), true, false],
    ['last order amount', is('summary.orders.last_order_amount', '$less_than_or_equal', 5000), true, true],
    ['last order date', is('summary.orders.last_order_date', '$after', '2026-01-15'), true, false],
    ['no last order date', is('summary.orders.last_order_date', '$is_unknown'), false, true],
    ['redemptions', is('summary.redemptions.total_succeeded', '$more_than_or_equal', 3), true, false],
    ['event count', is('events.signed_up.count', '$more_than_or_equal', 2), true, false],
    ['an event never sent counts zero', is('events.signed_up.count', '$is', 0), false, true],
    ['event recency', is('events.signed_up.last_at', '$after', '2026-02-01'), true, false],
    ['an event name with dots', is('events.cart.abandoned.count', '$is', 1), true, false],
    ['an event never sent has no last time', is('events.signed_up.last_at', '$is_unknown'), false, true],
    ['an event within the last days', is('events.signed_up.last_at', '$less_than_ago', 30), true, false],
    ['an event too long ago', is('events.cart.abandoned.last_at', '$less_than_ago', 30), false, false],
    ['an event long ago', is('events.cart.abandoned.last_at', '$more_than_ago', 30), true, false],
    ['an event on a given day', is('events.signed_up.last_at', '$is_days_ago', 7), true, false],
    ['a recent last order', is('summary.orders.last_order_date', '$less_than_ago', '10'), true, false],
    ['an old customer', is('created_at', '$more_than_ago', 30), true, true],
    ['an adult', is('birthdate', '$more_than_ago', 18 * 365), true, false],
  ])('%s', (_, raw, forAda, forBlank) => {
    expect(matches(raw, ada)).toBe(forAda);
    expect(matches(raw, blank)).toBe(forBlank);
  });

  it("holds a relative condition together with the field's other conditions", () => {
    const recent = { 'events.signed_up.last_at': { conditions: { $less_than_ago: [30], $after: ['2026-02-05'] } } };
    expect(matches(recent)).toBe(false);
    const within = { 'events.signed_up.last_at': { conditions: { $less_than_ago: [30], $before: ['2026-02-05'] } } };
    expect(matches(within)).toBe(true);
    expect(matches(within, ada, new Date('2026-03-10T00:00:00.000Z'))).toBe(false);
  });

  it('lets time alone move a customer out of "sent within 30 days"', () => {
    const filter = is('events.signed_up.last_at', '$less_than_ago', 30);
    expect(matches(filter, ada, new Date('2026-03-04T23:59:59.999Z'))).toBe(true);
    expect(matches(filter, ada, new Date('2026-03-05T00:00:00.000Z'))).toBe(false);
  });

  it('combines clauses by the junction', () => {
    const vip = is('metadata.tier', '$is', 'vip');
    const poor = is('summary.orders.total_amount', '$less_than', 100);
    expect(matches({ ...vip, ...poor })).toBe(false);
    expect(matches({ junction: 'or', ...vip, ...poor })).toBe(true);
  });

  const clauses = [
    is('metadata.tier', '$is', 'vip'),
    is('summary.orders.total_amount', '$more_than', 20000),
    is('events.signed_up.count', '$less_than', 2),
    is('name', '$starts_with', 'B'),
    is('address.country', '$in', 'PL', 'DE'),
    is('summary.redemptions.total_failed', '$has_value'),
  ];

  it('an "and" filter holds exactly when each clause alone holds, an "or" filter when any does', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: clauses.length - 1 }), { minLength: 1 }),
        fc.boolean(),
        (picked, useBlank) => {
          const facts = useBlank ? blank : ada;
          const chosen = picked.map((i) => clauses[i] as Record<string, unknown>);
          const each = chosen.map((clause) => matches(clause, facts));
          const merged = Object.assign({}, ...chosen) as Record<string, unknown>;
          expect(matches({ junction: 'and', ...merged }, facts)).toBe(each.every(Boolean));
          expect(matches({ junction: 'or', ...merged }, facts)).toBe(each.some(Boolean));
        },
      ),
    );
  });
});
