import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import {
  effectiveLogic,
  invalidValidationRules,
  MAX_RULES_PER_SET,
  parseValidationRules,
  type RuleProblem,
} from './parse-validation-rules.js';

function problemsOf(rules: unknown, error?: unknown): RuleProblem[] {
  const result = parseValidationRules({ rules, error });
  return result.ok ? [] : result.problems;
}

const amountMoreThan = (value: unknown) => ({ name: 'order.amount', conditions: { $more_than: [value] } });

describe('parseValidationRules accepts', () => {
  it("Voucherify's own create example", () => {
    const result = parseValidationRules({
      rules: {
        1: {
          name: 'order.metadata',
          property: 'location',
          rules: {},
          conditions: { $is: ['Santorini'] },
          error: { message: 'Your order must be placed at one of our Santorini shops.' },
        },
        2: { name: 'custom_event.metadata', property: 'test', rules: {}, conditions: { $greater_than_or_equal: [1] } },
        3: {
          name: 'order.items.every',
          rules: {
            1: {
              name: 'order.items.metadata',
              property: 'test',
              rules: {},
              conditions: { $greater_than_or_equal: [1] },
            },
          },
          conditions: { $is: [{ id: 'prod_1', effect: 'APPLY_TO_EVERY', object: 'product', source_id: 'S1' }] },
        },
        logic: '(1 and 2) and (3)',
      },
      error: { message: 'Check the rules' },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [first, second, third] = result.definition.rules;
    expect(result.definition.errorMessage).toBe('Check the rules');
    expect(first?.errorMessage).toBe('Your order must be placed at one of our Santorini shops.');
    expect(second?.conditions[0]).toMatchObject({
      operator: '$more_than_or_equal',
      spelledAs: '$greater_than_or_equal',
    });
    expect(third?.nested?.rules[0]?.property).toBe('test');
    expect(third?.conditions[0]?.values).toEqual([{ object: 'product', id: 'prod_1', source_id: 'S1' }]);
  });

  it.each<[string, unknown]>([
    ['no rules', undefined],
    ['null rules', null],
    ['an empty logic', { logic: '' }],
    [
      'property null and rules {} on a plain rule',
      { 1: { ...amountMoreThan(1), property: null, rules: {} }, logic: '1' },
    ],
    ['a rule the logic does not name', { 1: amountMoreThan(1), 2: amountMoreThan(2), logic: '1' }],
    ['other keys than numbers', { a: amountMoreThan(1), b: amountMoreThan(2), logic: 'a or b' }],
    ['presence operators without values', { 1: { name: 'order.amount', conditions: { $has_value: [] } } }],
    ['a bare value instead of a list', { 1: { name: 'order.amount', conditions: { $more_than: 5 } } }],
    ['an empty error message', { 1: { ...amountMoreThan(1), error: { message: '' } } }],
  ])('%s', (_, rules) => {
    expect(problemsOf(rules)).toEqual([]);
  });

  it('orders rules by key number and reads a blank logic as all of them', () => {
    const result = parseValidationRules({
      rules: { 10: amountMoreThan(1), 2: amountMoreThan(2), x: amountMoreThan(3) },
    });
    expect(result.ok && result.definition.rules.map((rule) => rule.key)).toEqual(['2', '10', 'x']);
    expect(result.ok && result.definition.logic).toBeNull();
    expect(result.ok && effectiveLogic(result.definition)).toEqual({
      type: 'and',
      operands: ['2', '10', 'x'].map((key) => ({ type: 'rule', key })),
    });
  });
});

describe('parseValidationRules refuses', () => {
  const itemRule = (conditions: unknown, rules?: unknown) => ({ name: 'order.items.any', conditions, rules });
  const ref = { id: 'prod_1', object: 'product' };

  it.each<[string, unknown, RuleProblem]>([
    ['rules that are not an object', 'abc', { path: 'rules', message: 'should be an object of rules' }],
    ['a rule that is not an object', { 1: 5 }, { path: 'rules.1', message: 'should be an object with "name"' }],
    ['a rule without a name', { 1: { conditions: {} } }, { path: 'rules.1.name', message: 'is required' }],
    [
      'an unknown rule name',
      { 1: { name: 'order.total', conditions: {} } },
      { path: 'rules.1.name', message: 'unknown rule name "order.total"' },
    ],
    [
      'a rule Vouch does not evaluate',
      { 1: { name: 'redemption.api_key', conditions: {} } },
      { path: 'rules.1.name', message: 'does not evaluate yet' },
    ],
    ['a rule key that is a keyword', { and: amountMoreThan(1) }, { path: 'rules.and', message: 'a rule key cannot' }],
    ['a rule key with a space', { 'a b': amountMoreThan(1) }, { path: 'rules.a b', message: 'a rule key cannot' }],
    [
      'conditions that are empty',
      { 1: { name: 'order.amount', conditions: {} } },
      { path: 'rules.1.conditions', message: 'at least one operator' },
    ],
    [
      'an unknown operator',
      { 1: { name: 'order.amount', conditions: { $foo: [1] } } },
      { path: 'rules.1.conditions.$foo', message: 'is not an operator; order.amount takes $is' },
    ],
    [
      'an operator Vouch does not evaluate',
      { 1: { name: 'order.metadata', property: 'a', conditions: { $timeframe: ['x'] } } },
      { path: 'rules.1.conditions.$timeframe', message: 'does not evaluate yet' },
    ],
    [
      'a text operator on an amount',
      { 1: { name: 'order.amount', conditions: { $starts_with: ['1'] } } },
      { path: 'rules.1.conditions.$starts_with', message: 'does not apply to order.amount' },
    ],
    [
      'a date operator on a count',
      { 1: { name: 'redemption.count.daily', conditions: { $after: ['2026-01-01'] } } },
      { path: 'rules.1.conditions.$after', message: 'does not apply' },
    ],
    [
      '$is_not on order.items.any',
      { 1: itemRule({ $is_not: [ref] }) },
      { path: 'rules.1.conditions.$is_not', message: 'order.items.any takes $is, $in' },
    ],
    [
      'a text for an amount',
      { 1: amountMoreThan('abc') },
      {
        path: 'rules.1.conditions.$more_than[0]',
        message: 'expected an integer amount in minor units (10000 = 100.00), got "abc"',
      },
    ],
    [
      'a fraction for an amount',
      { 1: amountMoreThan(10.5) },
      { path: 'rules.1.conditions.$more_than[0]', message: 'expected an integer amount' },
    ],
    [
      'a text for a count',
      { 1: { name: 'redemption.count.daily', conditions: { $is: ['5'] } } },
      { path: 'rules.1.conditions.$is[0]', message: 'expected a number' },
    ],
    [
      'two values for a single-value operator',
      { 1: { name: 'order.amount', conditions: { $more_than: [1, 2] } } },
      { path: 'rules.1.conditions.$more_than', message: 'takes exactly one value, got 2' },
    ],
    [
      'no values for $in',
      { 1: { name: 'order.amount', conditions: { $in: [] } } },
      { path: 'rules.1.conditions.$in', message: 'takes 1 to 1000 values, got 0' },
    ],
    [
      'a metadata rule without property',
      { 1: { name: 'customer.metadata', conditions: { $is: ['a'] } } },
      { path: 'rules.1.property', message: 'is required for customer.metadata' },
    ],
    [
      'an empty text to search for',
      { 1: { name: 'order.metadata', property: 'a', conditions: { $contains: [''] } } },
      { path: 'rules.1.conditions.$contains[0]', message: 'expected a text of 1 to' },
    ],
    [
      'a negative count',
      { 1: { name: 'order.metadata', property: 'a', conditions: { $count: [-1] } } },
      { path: 'rules.1.conditions.$count[0]', message: 'a whole number, 0 or more' },
    ],
    [
      'a date that is not ISO 8601',
      { 1: { name: 'order.metadata', property: 'a', conditions: { $after: ['yesterday'] } } },
      { path: 'rules.1.conditions.$after[0]', message: 'expected an ISO 8601 date' },
    ],
    [
      'an ordering on a text that is no date',
      { 1: { name: 'order.metadata', property: 'a', conditions: { $more_than: ['5'] } } },
      { path: 'rules.1.conditions.$more_than[0]', message: 'a number or an ISO 8601 date' },
    ],
    [
      'an object as a metadata value',
      { 1: { name: 'order.metadata', property: 'a', conditions: { $is: [{}] } } },
      { path: 'rules.1.conditions.$is[0]', message: 'a text, number or boolean' },
    ],
    [
      'a segment id that is not a text',
      { 1: { name: 'customer.segment', conditions: { $is: [5] } } },
      { path: 'rules.1.conditions.$is[0]', message: 'expected an id' },
    ],
    [
      'an item reference that is a text',
      { 1: itemRule({ $is: ['prod_1'] }) },
      { path: 'rules.1.conditions.$is[0]', message: 'expected an object like' },
    ],
    [
      'an item reference without ids',
      { 1: itemRule({ $is: [{ object: 'product' }] }) },
      { path: 'rules.1.conditions.$is[0]', message: 'needs an id or a source_id' },
    ],
    [
      'an item reference to a category',
      { 1: itemRule({ $is: [{ id: 'x', object: 'category' }] }) },
      { path: 'rules.1.conditions.$is[0]', message: 'object should be product, sku or products_collection' },
    ],
    [
      'a collection without id',
      { 1: itemRule({ $is: [{ source_id: 'x', object: 'products_collection' }] }) },
      { path: 'rules.1.conditions.$is[0]', message: 'needs its id' },
    ],
    [
      'a logic naming a missing rule',
      { 1: amountMoreThan(1), logic: '1 and 3' },
      { path: 'rules.logic', message: 'names rule "3", which is not defined' },
    ],
    [
      'a logic that does not parse',
      { 1: amountMoreThan(1), logic: '1 and' },
      { path: 'rules.logic', message: "cannot be read: expected a rule key, 'not' or '(' at the end" },
    ],
    [
      'a logic that is not a text',
      { 1: amountMoreThan(1), logic: 1 },
      { path: 'rules.logic', message: 'should be a text' },
    ],
    [
      'nested rules on a plain rule',
      { 1: { ...amountMoreThan(1), rules: { 1: amountMoreThan(2) } } },
      { path: 'rules.1.rules', message: 'order.amount cannot hold nested rules' },
    ],
    [
      'an order rule nested under an item rule',
      { 1: itemRule({ $is: [ref] }, { 1: amountMoreThan(2) }) },
      { path: 'rules.1.rules.1.name', message: '"order.amount" cannot be nested' },
    ],
    [
      'an item rule nested under an item rule',
      { 1: itemRule({ $is: [ref] }, { 1: itemRule({ $is: [ref] }) }) },
      { path: 'rules.1.rules.1.name', message: '"order.items.any" cannot be nested' },
    ],
    [
      'a nested logic naming a missing rule',
      { 1: itemRule({ $is: [ref] }, { 1: { name: 'order.items.quantity', conditions: { $is: [1] } }, logic: '2' }) },
      { path: 'rules.1.rules.logic', message: 'names rule "2"' },
    ],
    [
      'a nested-only rule at the top',
      { 1: { name: 'product.discount_applicable', conditions: { $is: [true] } } },
      { path: 'rules.1.name', message: 'belongs in the nested rules' },
    ],
    [
      'a rule error that is a text',
      { 1: { ...amountMoreThan(1), error: 'oops' } },
      { path: 'rules.1.error', message: 'should be {"message"' },
    ],
    [
      'a rule error message that is a number',
      { 1: { ...amountMoreThan(1), error: { message: 5 } } },
      { path: 'rules.1.error', message: 'should be {"message"' },
    ],
  ])('%s', (_, rules, expected) => {
    const problems = problemsOf(rules);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe(expected.path);
    expect(problems[0]?.message).toContain(expected.message);
  });

  it('a definition error that is not a message', () => {
    expect(problemsOf({}, { message: ['x'] })).toEqual([
      { path: 'error', message: expect.stringContaining('should be') },
    ]);
  });

  it(`more than ${MAX_RULES_PER_SET} rules`, () => {
    const rules = Object.fromEntries(
      Array.from({ length: MAX_RULES_PER_SET + 1 }, (_, i) => [i + 1, amountMoreThan(i)]),
    );
    expect(problemsOf(rules)).toEqual([{ path: 'rules', message: `holds 101 rules; at most ${MAX_RULES_PER_SET}` }]);
  });

  it('lists every problem at once, rule by rule', () => {
    const problems = problemsOf({
      1: amountMoreThan('abc'),
      2: { name: 'order.nope', conditions: { $is: [1] } },
      3: { name: 'order.metadata', conditions: { $is: ['a'], $bad: [1] } },
      logic: '1 and 4',
    });
    expect(problems.map((problem) => problem.path)).toEqual([
      'rules.1.conditions.$more_than[0]',
      'rules.2.name',
      'rules.3.property',
      'rules.3.conditions.$bad',
      'rules.logic',
    ]);
  });

  it('turns the problems into a 400 invalid_validation_rules', () => {
    const problems = Array.from({ length: 12 }, (_, i) => ({ path: `rules.${i + 1}`, message: 'is wrong' }));
    const error = invalidValidationRules(problems);
    expect(error).toBeInstanceOf(AppError);
    expect(error.key).toBe('invalid_validation_rules');
    expect(error.code).toBe(400);
    expect(error.details).toBe(
      `${problems
        .slice(0, 10)
        .map((p) => `${p.path}: ${p.message}`)
        .join('; ')}; and 2 more`,
    );
  });
});
