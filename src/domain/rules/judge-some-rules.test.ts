import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileValidationRules } from './compile-rules.js';
import { evaluateRules } from './evaluate-rules.js';
import { isCustomerRule, isNotCustomerRule, judgeOnly } from './judge-some-rules.js';
import { factsOf, parsedOf } from './rule-test-facts.js';

/** The customer in the fixtures is gold; the cart is 250.00. */
const GOLD = { name: 'customer.metadata', property: 'tier', conditions: { $is: ['gold'] } };
const SILVER = { name: 'customer.metadata', property: 'tier', conditions: { $is: ['silver'] } };
const BIG_CART = { name: 'order.amount', conditions: { $more_than: [100_000] } };
const SMALL_CART = { name: 'order.amount', conditions: { $more_than: [100] } };
const FIRST_USE = { name: 'redemption.count.per_customer', conditions: { $less_than_equal: [1] } };
const DAILY = { name: 'redemption.count.daily', conditions: { $less_than: [100] } };
const HAS_MUG = { name: 'order.items.any', conditions: { $is: [{ id: 'prod_mug', object: 'product' }] } };

const compile = (rules: Record<string, unknown>) => compileValidationRules(parsedOf(rules));
const customerOnly = (rules: Record<string, unknown>) =>
  evaluateRules(judgeOnly(compile(rules), isCustomerRule), factsOf());

describe('judgeOnly: customer rules judged, the others unknown', () => {
  it.each<[string, Record<string, unknown>, boolean, string[]]>([
    ['a cart rule the cart fails', { 1: BIG_CART, logic: '1' }, true, []],
    ['a customer rule the customer fails', { 1: SILVER, logic: '1' }, false, ['1']],
    ['a customer rule that holds, and a failing cart rule', { 1: GOLD, 2: BIG_CART, logic: '1 and 2' }, true, []],
    ['a failing customer rule beside a cart rule', { 1: SILVER, 2: SMALL_CART, logic: '1 and 2' }, false, ['1']],
    ['a failing customer rule or a cart rule', { 1: SILVER, 2: BIG_CART, logic: '1 or 2' }, true, []],
    ['a cart rule under not', { 1: SMALL_CART, logic: 'not 1' }, true, []],
    ['a customer rule under not', { 1: GOLD, logic: 'not 1' }, false, ['1']],
    ['an unknown and a false or', { 1: BIG_CART, 2: SILVER, logic: '(1 and 2) or 2' }, false, ['2']],
    ['the per-customer count (first use holds)', { 1: FIRST_USE, logic: '1' }, true, []],
    ['blank logic: every rule', { 1: BIG_CART, 2: SILVER }, false, ['2']],
    ['no rules', {}, true, []],
  ])('%s', (_name, rules, passed, blamed) => {
    const outcome = customerOnly(rules);
    expect(outcome.passed).toBe(passed);
    expect(outcome.passed ? [] : outcome.failed.map((failure) => failure.ruleKey)).toEqual(blamed);
  });

  it('declares only the facts the judged rules read', () => {
    const compiled = compile({ 1: GOLD, 2: DAILY, 3: FIRST_USE, logic: '1 and 2 and 3' });
    expect(compiled.requiredFacts.counters).toEqual(['customerRedemptionsCount', 'dailyRedemptionsCount']);
    const partial = judgeOnly(compiled, isCustomerRule);
    expect(partial.requiredFacts).toMatchObject({
      order: false,
      customer: true,
      counters: ['customerRedemptionsCount'],
    });
    expect([...partial.rules.keys()]).toEqual(['1', '3']);
    expect(judgeOnly(compiled, isNotCustomerRule).requiredFacts.counters).toEqual(['dailyRedemptionsCount']);
  });

  it('judges the cart and leaves the customer open with the other judgement', () => {
    const judge = (rules: Record<string, unknown>) =>
      evaluateRules(judgeOnly(compile(rules), isNotCustomerRule), factsOf()).passed;
    expect(judge({ 1: SILVER, 2: HAS_MUG, logic: '1 and 2' })).toBe(true);
    expect(judge({ 1: GOLD, 2: BIG_CART, logic: '1 and 2' })).toBe(false);
  });

  it('makes one partial definition per definition and judgement', () => {
    const compiled = compile({ 1: GOLD, logic: '1' });
    expect(judgeOnly(compiled, isCustomerRule)).toBe(judgeOnly(compiled, isCustomerRule));
    expect(judgeOnly(compiled, isCustomerRule)).not.toBe(judgeOnly(compiled, isNotCustomerRule));
  });

  it('never refuses what the whole definition passes, and judging every rule changes nothing', () => {
    const leaves = [GOLD, SILVER, BIG_CART, SMALL_CART, HAS_MUG];
    const logic = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.integer({ min: 1, max: leaves.length }).map(String),
        tie('node').map((operand) => `not (${operand})`),
        fc.tuple(tie('node'), fc.constantFrom('and', 'or'), tie('node')).map(([a, op, b]) => `(${a}) ${op} (${b})`),
      ),
    }));
    fc.assert(
      fc.property(logic.node, (text) => {
        const rules = { ...Object.fromEntries(leaves.map((rule, i) => [String(i + 1), rule])), logic: text };
        const compiled = compile(rules);
        const whole = evaluateRules(compiled, factsOf()).passed;
        const customer = evaluateRules(judgeOnly(compiled, isCustomerRule), factsOf()).passed;
        const cart = evaluateRules(judgeOnly(compiled, isNotCustomerRule), factsOf()).passed;
        const every = evaluateRules(
          judgeOnly(compiled, () => true),
          factsOf(),
        ).passed;
        return (!whole || (customer && cart)) && every === whole;
      }),
      { numRuns: 300 },
    );
  });
});
