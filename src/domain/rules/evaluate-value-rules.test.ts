import { describe, expect, it } from 'vitest';
import { findRuleSpec, RULE_NAMES } from './rule-catalog.js';
import { canonicalOperator, RULE_OPERATORS } from './rule-operators.js';
import { factsOf, passes } from './rule-test-facts.js';

type Case = [name: string, property: string | null, conditions: Record<string, unknown[]>, expected: boolean];

const rule = (name: string, property: string | null, conditions: Record<string, unknown[]>) => ({
  name,
  ...(property === null ? {} : { property }),
  conditions,
});

/** Every rule that compares a value, and every operator, against the fixture cart (see rule-test-facts.ts). */
const CASES: Case[] = [
  ['order.amount', null, { $is: [25000] }, true],
  ['order.amount', null, { $is: [100] }, false],
  ['order.amount', null, { $is_not: [100] }, true],
  ['order.amount', null, { $in: [1, 25000] }, true],
  ['order.amount', null, { $not_in: [25000] }, false],
  ['order.amount', null, { $more_than: [24999] }, true],
  ['order.amount', null, { $more_than: [25000] }, false],
  ['order.amount', null, { $more_than_or_equal: [25000] }, true],
  ['order.amount', null, { $more_than_equal: [25001] }, false],
  ['order.amount', null, { $greater_than_or_equal: [25000] }, true],
  ['order.amount', null, { $less_than: [25000] }, false],
  ['order.amount', null, { $less_than_or_equal: [25000] }, true],
  ['order.amount', null, { $less_than_equal: [24999] }, false],
  ['order.amount', null, { $more_than: [20000], $less_than: [30000] }, true],
  ['order.amount', null, { $more_than: [20000], $less_than: [21000] }, false],
  ['order.amount', null, { $has_value: [] }, true],
  ['order.amount', null, { $is_unknown: [] }, false],
  ['order.initial_amount', null, { $more_than: [29999] }, true],
  ['order.metadata', 'channel', { $is: ['web'] }, true],
  ['order.metadata', 'channel', { $starts_with: ['we'] }, true],
  ['order.metadata', 'channel', { $starts_with: ['eb'] }, false],
  ['order.metadata', 'channel', { $ends_with: ['eb'] }, true],
  ['order.metadata', 'channel', { $contains: ['e'] }, true],
  ['order.metadata', 'channel', { $not_contain: ['e'] }, false],
  ['order.metadata', 'channel', { $is: ['WEB'] }, false],
  ['order.metadata', 'score', { $is: [7] }, true],
  ['order.metadata', 'score', { $is: ['7'] }, false],
  ['order.metadata', 'score', { $more_than: [6] }, true],
  ['order.metadata', 'score', { $contains: ['7'] }, false],
  ['order.metadata', 'channel', { $more_than: [1] }, false],
  ['order.metadata', 'vip', { $is: [true] }, true],
  ['order.metadata', 'vip', { $is: ['true'] }, false],
  ['order.metadata', 'tags', { $is: ['a'] }, true],
  ['order.metadata', 'tags', { $in: ['c', 'b'] }, true],
  ['order.metadata', 'tags', { $not_in: ['c'] }, true],
  ['order.metadata', 'tags', { $is_not: ['a'] }, false],
  ['order.metadata', 'tags', { $count: [2] }, true],
  ['order.metadata', 'tags', { $count_more: [1] }, true],
  ['order.metadata', 'tags', { $count_less: [2] }, false],
  ['order.metadata', 'channel', { $count: [3] }, false],
  ['order.metadata', 'missing', { $is_unknown: [] }, true],
  ['order.metadata', 'missing', { $has_value: [] }, false],
  ['order.metadata', 'missing', { $is_not: ['x'] }, false],
  ['order.metadata', 'missing', { $not_contain: ['x'] }, false],
  // `since` is 2026-03-12, three calendar days before NOW; `until` is 2026-03-20 13:00 in Warsaw.
  ['order.metadata', 'since', { $is_days_ago: [3] }, true],
  ['order.metadata', 'since', { $is_days_ago: [2] }, false],
  ['order.metadata', 'since', { $more_than_ago: [2] }, true],
  ['order.metadata', 'since', { $more_than_ago: [3] }, false],
  ['order.metadata', 'since', { $less_than_ago: [3] }, false],
  ['order.metadata', 'since', { $less_than_ago: [4] }, true],
  ['order.metadata', 'until', { $is_days_ago: [0] }, false],
  ['order.metadata', 'until', { $less_than_ago: [10] }, false],
  ['order.metadata', 'until', { $is_days_in_future: [5] }, true],
  ['order.metadata', 'until', { $more_than_future: [4] }, true],
  ['order.metadata', 'until', { $more_than_future: [5] }, false],
  ['order.metadata', 'until', { $less_than_future: [5] }, false],
  ['order.metadata', 'until', { $less_than_future: [6] }, true],
  ['order.metadata', 'since', { $less_than_future: [6] }, false],
  ['order.metadata', 'since', { $after: ['2026-03-11'] }, true],
  ['order.metadata', 'since', { $after: ['2026-03-12T00:00:00Z'] }, false],
  ['order.metadata', 'since', { $before: ['2026-03-12T00:00:01Z'] }, true],
  ['order.metadata', 'until', { $before: ['2026-03-20T13:00:00+02:00'] }, false],
  ['order.metadata', 'since', { $more_than: ['2026-03-01'] }, true],
  ['order.metadata', 'since', { $less_than_or_equal: ['2026-03-12'] }, true],
  ['order.metadata', 'channel', { $after: ['2026-03-01'] }, false],
  ['customer.segment', null, { $is: ['seg_vip'] }, true],
  ['customer.segment', null, { $in: ['seg_x', 'seg_new'] }, true],
  ['customer.segment', null, { $is: ['seg_x'] }, false],
  ['customer.segment', null, { $is_not: ['seg_vip'] }, false],
  ['customer.segment', null, { $not_in: ['seg_x', 'seg_y'] }, true],
  ['customer_segment', null, { $is: ['seg_new'] }, true],
  ['customer.metadata', 'tier', { $is: ['gold'] }, true],
  ['customer.metadata', 'age', { $less_than: [31] }, true],
  ['customer.loyalty.tier', null, { $is: ['ltr_silver'] }, true],
  ['customer.loyalty.tier', null, { $is_not: ['ltr_silver'] }, false],
  ['order.items.count', null, { $is: [3] }, true],
  ['order.items.count', null, { $more_than: [3] }, false],
  ['order.items.price_any', null, { $is: [1500] }, true],
  ['order.items.price_any', null, { $more_than: [4999] }, true],
  ['order.items.price_any', null, { $more_than: [5000] }, false],
  ['order.items.price_each', null, { $more_than: [1000] }, true],
  ['order.items.price_each', null, { $more_than: [1500] }, false],
  ['order.items.quantity', null, { $more_than: [2] }, true],
  ['order.items.quantity', null, { $more_than: [3] }, false],
  ['order.items.aggregated_quantity', null, { $is: [6] }, true],
  ['order.items.price', null, { $is: [2000] }, true],
  ['order.items.aggregated_amount', null, { $is: [20500] }, true],
  ['order.items.metadata', 'color', { $is: ['red'] }, true],
  ['order.items.metadata', 'size', { $is: ['M'] }, true],
  ['order.items.metadata', 'brand', { $is: ['acme'] }, true],
  ['order.items.metadata', 'brand', { $is: ['none'] }, false],
  ['product.metadata', 'brand', { $is: ['other'] }, true],
  ['product.metadata', 'size', { $is: ['M'] }, false],
  ['product.price', null, { $is: [5000] }, true],
  ['sku.price', null, { $is: [1500] }, true],
  ['product.quantity', null, { $is: [3] }, true],
  ['sku.quantity', null, { $is: [4] }, false],
  // Counters include the redemption being checked: 100000 so far + this order's 25000.
  ['campaign.orders.amount', null, { $less_than_or_equal: [125000] }, true],
  ['campaign.orders.amount', null, { $less_than_or_equal: [124999] }, false],
  ['campaign.redemptions.count', null, { $less_than_or_equal: [10] }, true],
  ['campaign.redemptions.count', null, { $less_than_or_equal: [9] }, false],
  ['redemption.count.per_customer', null, { $less_than_or_equal: [1] }, true],
  ['redemption.count.daily', null, { $is: [5] }, true],
  ['redemption.count.monthly', null, { $is: [41] }, true],
  ['redemption.metadata', 'card', { $is: ['Visa'] }, true],
  ['redemption.metadata', 'card', { $is: ['Amex'] }, false],
  ['custom_event.metadata', 'lining', { $more_than_or_equal: [1] }, true],
];

describe('value rules', () => {
  it.each(CASES)('%s %s %j → %s', (name, property, conditions, expected) => {
    expect(passes(rule(name, property, conditions))).toBe(expected);
  });

  it('covers every rule name that compares a value, and every operator', () => {
    const names = new Set(CASES.map(([name]) => findRuleSpec(name)?.spec.name));
    const valueNames = RULE_NAMES.filter((name) => findRuleSpec(name)?.spec.valueType !== 'item_refs');
    expect(valueNames.filter((name) => !names.has(name) && name !== 'product.discount_applicable')).toEqual([]);
    const operators = new Set(CASES.flatMap(([, , conditions]) => Object.keys(conditions).map(canonicalOperator)));
    expect(RULE_OPERATORS.filter((operator) => !operators.has(operator))).toEqual([]);
  });

  it('counts relative days on the project wall clock', () => {
    // 23:30 UTC on the 15th is already the 16th in Warsaw: noon UTC on the 15th was yesterday there.
    const late = { now: '2026-03-15T23:30:00.000Z' };
    const noon = { name: 'order.metadata', property: 'at', conditions: { $is_days_ago: [1] } };
    const order = { amount: 1, initial_amount: 1, metadata: { at: '2026-03-15T12:00:00Z' }, items: [] };
    expect(passes(noon, factsOf({ ...late, order }))).toBe(true);
    expect(passes(noon, factsOf({ ...late, order, timezone: 'UTC' }))).toBe(false);
    expect(passes(noon, factsOf({ ...late, order, timezone: 'Not/AZone' }))).toBe(false);
  });
});

describe('missing facts are unknown', () => {
  it.each<[string, Record<string, unknown>, Parameters<typeof factsOf>[0]]>([
    ['no customer', rule('customer.segment', null, { $is_not: ['seg_x'] }), { customer: null }],
    ['no customer', rule('customer.metadata', 'tier', { $not_contain: ['x'] }), { customer: null }],
    ['no customer', rule('customer.loyalty.tier', null, { $not_in: ['x'] }), { customer: null }],
    ['no order', rule('order.amount', null, { $less_than: [1] }), { order: null }],
    ['no order', rule('order.items.count', null, { $less_than: [1] }), { order: null }],
    ['no order', rule('order.items.aggregated_amount', null, { $less_than: [1] }), { order: null }],
    ['an unloaded counter', rule('redemption.count.daily', null, { $less_than: [100] }), { counters: {} }],
    ['an unloaded counter', rule('campaign.orders.amount', null, { $less_than: [10 ** 9] }), { counters: {} }],
    ['no redemption', rule('redemption.metadata', 'card', { $is_not: ['x'] }), { redemption: null }],
    ['no custom event', rule('custom_event.metadata', 'a', { $is_not: ['x'] }), { customEvent: null }],
  ])('%s: %j fails', (_, checked, overrides) => {
    expect(passes(checked, factsOf(overrides))).toBe(false);
  });

  it('lets $is_unknown match a missing fact, and no line rule match an empty cart', () => {
    expect(passes(rule('order.amount', null, { $is_unknown: [] }), factsOf({ order: null }))).toBe(true);
    expect(passes(rule('customer.metadata', 'x', { $is_unknown: [] }), factsOf({ customer: null }))).toBe(true);
    const empty = factsOf({ order: { amount: 0, initial_amount: 0, metadata: null, items: [] } });
    expect(passes(rule('order.items.price_each', null, { $more_than: [0] }), empty)).toBe(false);
    expect(passes(rule('order.items.quantity', null, { $is_unknown: [] }), empty)).toBe(false);
    expect(passes(rule('order.items.count', null, { $is: [0] }), empty)).toBe(true);
  });
});
