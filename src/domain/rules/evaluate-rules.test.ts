import { describe, expect, it } from 'vitest';
import { compileValidationRules } from './compile-rules.js';
import { evaluateRules, type FailedRule } from './evaluate-rules.js';
import { prepareRuleFacts } from './prepared-facts.js';
import { factsOf, outcomeOf, parsedOf } from './rule-test-facts.js';

const amount = (conditions: Record<string, unknown[]>, error?: string) => ({
  name: 'order.amount',
  conditions,
  ...(error ? { error: { message: error } } : {}),
});
const FAILS = amount({ $more_than: [100_000] });
const HOLDS = amount({ $more_than: [100] });

function failedOf(rules: Record<string, unknown>): readonly FailedRule[] {
  const outcome = outcomeOf(rules);
  return outcome.passed ? [] : outcome.failed;
}

function messagesOf(rules: Record<string, unknown>): string[] {
  return failedOf(rules).map((failure) => failure.message);
}

describe('evaluateRules', () => {
  it('passes a definition without rules', () => {
    expect(outcomeOf({ logic: '' })).toEqual({ passed: true });
    expect(outcomeOf({})).toEqual({ passed: true });
  });

  it('requires every rule when the logic is blank', () => {
    expect(failedOf({ 1: HOLDS, 2: FAILS, 3: FAILS }).map((failure) => failure.ruleKey)).toEqual(['2']);
    expect(outcomeOf({ 1: HOLDS, 2: HOLDS, logic: ' ' })).toEqual({ passed: true });
  });

  it('reports the first failing operand of an and, every operand of a failing or', () => {
    expect(failedOf({ 1: FAILS, 2: FAILS, logic: '1 and 2' }).map((f) => f.ruleKey)).toEqual(['1']);
    expect(failedOf({ 1: FAILS, 2: FAILS, logic: '1 or 2' }).map((f) => f.ruleKey)).toEqual(['1', '2']);
    expect(failedOf({ 1: FAILS, 2: HOLDS, 3: FAILS, logic: '(1 or 2) and 3' }).map((f) => f.ruleKey)).toEqual(['3']);
    expect(outcomeOf({ 1: FAILS, 2: HOLDS, logic: '1 or 2' })).toEqual({ passed: true });
  });

  it('never evaluates rules the logic does not reach', () => {
    const counter = { name: 'redemption.count.daily', conditions: { $less_than: [100] } };
    const facts = factsOf({ counters: {} });
    const compiled = compileValidationRules(parsedOf({ 1: HOLDS, 2: counter, 3: counter, logic: '1 or 2' }));
    expect(evaluateRules(compiled, facts)).toEqual({ passed: true });
    expect(compiled.requiredFacts.counters).toEqual(['dailyRedemptionsCount']);
    expect([...compiled.rules.keys()]).toEqual(['1', '2']);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a money bound', FAILS, 'order amount must be more than 1000.00'],
    [
      'two conditions',
      amount({ $more_than: [100], $less_than: [5] }),
      'order amount must be more than 1.00 and must be less than 0.05',
    ],
    ['a list', amount({ $in: [1, 250] }), 'order amount must be one of 0.01, 2.50'],
    ['a presence check', amount({ $is_unknown: [] }), 'order amount must be unknown'],
    [
      'metadata',
      { name: 'customer.metadata', property: 'tier', conditions: { $is: ['silver'] } },
      'customer metadata "tier" must be "silver"',
    ],
    [
      'relative days',
      { name: 'order.metadata', property: 'since', conditions: { $is_days_ago: [1] } },
      'order metadata "since" must be exactly 1 days ago',
    ],
    ['a segment', { name: 'customer.segment', conditions: { $is: ['seg_x'] } }, 'customer segment must be "seg_x"'],
    [
      'a count',
      { name: 'redemption.count.per_customer', conditions: { $less_than: [1] } },
      'redemptions per customer must be less than 1',
    ],
    [
      'items',
      { name: 'order.items.any', conditions: { $is: [{ id: 'prod_x' }, { id: 'pc_y' }] } },
      'the order must contain any of product prod_x, collection pc_y',
    ],
    [
      'the cheapest item',
      { name: 'order.items.cheapest', conditions: { $is_not: [{ id: 'prod_mug' }] } },
      'the cheapest item must not be one of product prod_mug',
    ],
  ])('describes a failed rule without a message: %s', (_, rule, message) => {
    expect(messagesOf({ 1: rule, logic: '1' })).toEqual([message]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a bound', HOLDS, 'order amount must not be more than 1.00'],
    ['a negative operator', amount({ $is_not: [1] }), 'order amount must be 0.01'],
    [
      'two conditions',
      amount({ $more_than: [1], $less_than: [10 ** 6] }),
      'order amount must not be more than 0.01 or must not be less than 10000.00',
    ],
    [
      'items',
      { name: 'order.items.any', conditions: { $is: [{ id: 'prod_mug' }] } },
      'the order must not contain any of product prod_mug',
    ],
    [
      'none',
      { name: 'order.items.none', conditions: { $is: [{ id: 'prod_x' }] } },
      'the order must contain any of product prod_x',
    ],
  ])('describes a rule that held under a not: %s', (_, rule, message) => {
    expect(messagesOf({ 1: rule, logic: 'not 1' })).toEqual([message]);
  });

  it("prefers the rule's message, then the definition's, then the default", () => {
    const rules = { 1: amount({ $more_than: [10 ** 6] }, 'Spend more'), 2: FAILS, logic: '1 or 2' };
    expect(messagesOf(rules)).toEqual(['Spend more', 'order amount must be more than 1000.00']);
    const compiled = compileValidationRules(parsedOf(rules, { message: 'Check the rules' }));
    const outcome = evaluateRules(compiled, factsOf());
    expect(outcome.passed ? [] : outcome.failed.map((failure) => failure.message)).toEqual([
      'Spend more',
      'Check the rules',
    ]);
  });

  it.each<[string, Record<string, unknown>, FailedRule['errorKey']]>([
    ['order', FAILS, 'order_rules_violated'],
    ['items', { name: 'order.items.any', conditions: { $is: [{ id: 'prod_x' }] } }, 'order_rules_violated'],
    ['customer', { name: 'customer_segment', conditions: { $is: ['seg_x'] } }, 'customer_rules_violated'],
    ['tier', { name: 'customer.loyalty.tier', conditions: { $is: ['ltr_x'] } }, 'customer_rules_violated'],
    [
      'redemption count',
      { name: 'redemption.count.per_customer', conditions: { $less_than: [1] } },
      'redemption_rules_violated',
    ],
    ['budget', { name: 'campaign.orders.amount', conditions: { $less_than: [1] } }, 'redemption_rules_violated'],
    [
      'custom event',
      { name: 'custom_event.metadata', property: 'x', conditions: { $is: ['y'] } },
      'redemption_rules_violated',
    ],
  ])('answers a failed %s rule with its error key', (_, rule, errorKey) => {
    const [failure] = failedOf({ 1: rule });
    expect(failure).toMatchObject({ ruleKey: '1', ruleName: rule.name, errorKey });
  });

  it('gives the same answer for prepared facts, and for the same facts twice', () => {
    const compiled = compileValidationRules(
      parsedOf({
        1: FAILS,
        2: { name: 'order.items.any', conditions: { $is: [{ id: 'prod_mug' }] } },
        logic: '1 or 2',
      }),
    );
    const facts = factsOf();
    const prepared = prepareRuleFacts(facts);
    expect(evaluateRules(compiled, prepared)).toEqual(evaluateRules(compiled, facts));
    expect(evaluateRules(compiled, prepared)).toEqual(evaluateRules(compiled, prepared));
  });
});

describe('requiredFacts', () => {
  it('declares only what the reachable rules read', () => {
    const compiled = compileValidationRules(
      parsedOf({
        1: HOLDS,
        2: { name: 'customer.segment', conditions: { $is: ['seg_1'] } },
        3: { name: 'redemption.count.per_customer', conditions: { $less_than_or_equal: [1] } },
        4: {
          name: 'order.items.any',
          conditions: { $is: [{ id: 'pc_b' }, { id: 'prod_1' }, { id: 'pc_a' }] },
          rules: { 1: { name: 'product.metadata', property: 'x', conditions: { $is: ['y'] } } },
        },
        5: { name: 'campaign.orders.amount', conditions: { $less_than: [1] } },
        6: { name: 'redemption.metadata', property: 'x', conditions: { $is: ['y'] } },
        logic: '1 and (2 or 3) and 4',
      }),
    );
    expect(compiled.requiredFacts).toEqual({
      order: true,
      customer: true,
      customerSegments: true,
      redemption: false,
      customEvent: false,
      counters: ['customerRedemptionsCount'],
      collectionIds: ['pc_a', 'pc_b'],
    });
  });

  it('needs nothing for an empty definition, and no counter for a cart rule', () => {
    expect(compileValidationRules(parsedOf({ logic: '' })).requiredFacts).toEqual({
      order: false,
      customer: false,
      customerSegments: false,
      redemption: false,
      customEvent: false,
      counters: [],
      collectionIds: [],
    });
    expect(compileValidationRules(parsedOf({ 1: HOLDS })).requiredFacts.counters).toEqual([]);
  });
});
