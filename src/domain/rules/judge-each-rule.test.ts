import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileValidationRules } from './compile-rules.js';
import { evaluateRules } from './evaluate-rules.js';
import { judgeEachRule } from './judge-each-rule.js';
import { prepareRuleFacts } from './prepared-facts.js';
import { factsOf, parsedOf } from './rule-test-facts.js';

/** The fixtures' cart is 250.00 with a mug; the customer is gold and in seg_vip. */
const OVER_100 = { name: 'order.amount', conditions: { $more_than: [10_000] } };
const OVER_1000 = { name: 'order.amount', conditions: { $more_than: [100_000] } };
const VIP = { name: 'customer.segment', conditions: { $is: ['seg_vip'] } };
const SILVER = { name: 'customer.metadata', property: 'tier', conditions: { $is: ['silver'] } };
const FIRST_USE = { name: 'redemption.count.per_customer', conditions: { $less_than_or_equal: [1] } };
const MUGS = (quantity: number) => ({
  name: 'order.items.any',
  conditions: { $is: [{ id: 'prod_mug', object: 'product' }] },
  rules: { 1: { name: 'order.items.quantity', conditions: { $more_than_equal: [quantity] } }, logic: '1' },
});

const compile = (rules: Record<string, unknown>) => compileValidationRules(parsedOf(rules));
/** Each rule's outcome as `key=met`, in the order listed: "1=true 2=null". */
const metOf = (rules: Record<string, unknown>, facts = factsOf()) =>
  judgeEachRule(compile(rules), facts)
    .map(({ ruleKey, met }) => `${ruleKey}=${met}`)
    .join(' ');

describe('judgeEachRule: each top-level rule on its own', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['one met, one not', { 1: OVER_100, 2: SILVER, logic: '1 and 2' }, '1=true 2=false'],
    ['blank logic: every rule', { 1: OVER_1000, 2: VIP }, '1=false 2=true'],
    ['a rule under not is judged before the not', { 1: VIP, logic: 'not 1' }, '1=true'],
    [
      'an or judges every operand, past the one that decides',
      { 1: OVER_100, 2: SILVER, logic: '1 or 2' },
      '1=true 2=false',
    ],
    [
      'in key order, numeric keys by number',
      { 1: VIP, 2: SILVER, 10: OVER_100, logic: '10 or 2 or 1' },
      '1=true 2=false 10=true',
    ],
    ['a rule the logic does not name is not listed', { 1: OVER_100, 2: SILVER, logic: '1' }, '1=true'],
    ['an item rule with its nested rules, met', { 1: MUGS(1) }, '1=true'],
    ['an item rule with its nested rules, not met', { 1: MUGS(2) }, '1=false'],
    ['a counting rule with its count', { 1: FIRST_USE, 2: OVER_100 }, '1=true 2=true'],
    ['no rules', {}, ''],
  ])('%s', (_name, rules, expected) => {
    expect(metOf(rules)).toBe(expected);
  });

  it('says unknown for a counting rule whose count the facts lack, as a rule checked without a voucher has', () => {
    const rules = { 1: OVER_100, 2: FIRST_USE, logic: '1 or 2' };
    expect(metOf(rules, factsOf({ counters: {} }))).toBe('1=true 2=null');
  });

  it('names each rule as the definition spells it, and takes facts prepared once', () => {
    const compiled = compile({ 1: OVER_100, 2: { ...VIP, name: 'customer_segment' }, 3: SILVER });
    expect(judgeEachRule(compiled, prepareRuleFacts(factsOf()))).toEqual([
      { ruleKey: '1', ruleName: 'order.amount', met: true },
      { ruleKey: '2', ruleName: 'customer_segment', met: true },
      { ruleKey: '3', ruleName: 'customer.metadata', met: false },
    ]);
  });

  it('agrees with the evaluator: an and passes when every rule is met, an or when one is', () => {
    const pool = [OVER_100, OVER_1000, VIP, SILVER, MUGS(1), MUGS(2)];
    const definition = fc.record({
      picks: fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 5 }),
      join: fc.constantFrom('and', 'or'),
    });
    fc.assert(
      fc.property(definition, ({ picks, join }) => {
        const rules: Record<string, unknown> = Object.fromEntries(picks.map((rule, index) => [index + 1, rule]));
        rules.logic = picks.map((_, index) => index + 1).join(` ${join} `);
        const compiled = compile(rules);
        const met = judgeEachRule(compiled, factsOf()).map((outcome) => outcome.met);
        const expected = join === 'and' ? met.every(Boolean) : met.some(Boolean);
        expect(evaluateRules(compiled, factsOf()).passed).toBe(expected);
      }),
    );
  });
});
