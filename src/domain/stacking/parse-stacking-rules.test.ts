import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStackingRules } from './parse-stacking-rules.js';
import {
  DEFAULT_STACKING_RULES,
  defaultStackingRules,
  listNamedCategories,
  removeCategory,
  resolveCalculationMode,
  resolveNoEffectRule,
  type StackingRules,
  stackingRulesTypeOf,
} from './stacking-rules.js';

/** The create example of the spec's management API, less the read-only fields. */
const SPEC_EXAMPLE = {
  exclusive_categories: ['cat_0f2ba1284b565c235c', 'cat_0d75bdfe4c9030a732'],
  joint_categories: ['cat_0d74559c3e9030da13', 'cat_0d507a4d6e8a1b7b97'],
  redeemables_limit: 25,
  applicable_redeemables_limit: 10,
  applicable_redeemables_per_category_limit: 2,
  applicable_redeemables_category_limits: { cat_0d75bdfe4c9030a732: 1, cat_0d7c4d183011d043cc: 2 },
  applicable_exclusive_redeemables_limit: 2,
  applicable_exclusive_redeemables_per_category_limit: 2,
  discount_calculation_mode: 'DISCOUNTED_AMOUNT',
  initial_amount_mode_categories: ['cat_0d507a4d6e8a1b7b97'],
  discounted_amount_mode_categories: ['cat_0d7455f93c1030da4a'],
  redeemables_application_mode: 'PARTIAL',
  redeemables_sorting_rule: 'CATEGORY_HIERARCHY',
  redeemables_no_effect_rule: 'REDEEM_ANYWAY',
  no_effect_skip_categories: [],
  no_effect_redeem_anyway_categories: [],
  redeemables_products_application_mode: 'ONCE',
  redeemables_rollback_order_mode: 'WITH_ORDER',
  grouped_redeemables_sorting_rule: 'JOINT_ALWAYS_LAST',
};

function problemsOf(input: Record<string, unknown>, base: StackingRules = defaultStackingRules()): string[] {
  const parsed = parseStackingRules(input, base);
  return parsed.ok ? [] : parsed.problems;
}

describe('parseStackingRules', () => {
  it("takes the spec's example whole", () => {
    expect(parseStackingRules(SPEC_EXAMPLE, defaultStackingRules())).toEqual({ ok: true, rules: SPEC_EXAMPLE });
  });

  it('fills what is left out from the base, and null puts the default back', () => {
    const base = {
      ...defaultStackingRules(),
      applicable_redeemables_limit: 7,
      applicable_redeemables_per_category_limit: 3,
    };
    const parsed = parseStackingRules(
      { redeemables_sorting_rule: 'CATEGORY_HIERARCHY', applicable_redeemables_per_category_limit: null },
      base,
    );
    expect(parsed).toEqual({
      ok: true,
      rules: {
        ...base,
        redeemables_sorting_rule: 'CATEGORY_HIERARCHY',
        applicable_redeemables_per_category_limit: null,
      },
    });
  });

  it('replaces a list whole and drops repeated ids', () => {
    const base = { ...defaultStackingRules(), joint_categories: ['cat_a'] };
    const parsed = parseStackingRules({ joint_categories: ['cat_b', 'cat_b', 'cat_c'] }, base);
    expect(parsed.ok && parsed.rules.joint_categories).toEqual(['cat_b', 'cat_c']);
  });

  it('leaves the base untouched', () => {
    const base = defaultStackingRules();
    parseStackingRules({ exclusive_categories: ['cat_a'], applicable_redeemables_category_limits: { cat_a: 1 } }, base);
    expect(base).toEqual(DEFAULT_STACKING_RULES);
  });

  const refusals: { name: string; input: Record<string, unknown>; problem: string }[] = [
    {
      name: 'a limit over 30',
      input: { redeemables_limit: 31 },
      problem: 'redeemables_limit must be an integer from 1 to 30',
    },
    { name: 'a limit of 0', input: { applicable_redeemables_limit: 0 }, problem: 'from 1 to 30' },
    { name: 'a fractional limit', input: { redeemables_limit: 2.5 }, problem: 'redeemables_limit must be an integer' },
    {
      name: 'more than 5 exclusive',
      input: { applicable_exclusive_redeemables_limit: 6 },
      problem: 'applicable_exclusive_redeemables_limit must be an integer from 1 to 5',
    },
    {
      name: 'an unknown mode',
      input: { redeemables_application_mode: 'SOME' },
      problem: 'must be one of ALL, PARTIAL',
    },
    { name: 'a string list', input: { exclusive_categories: 'cat_a' }, problem: 'must be an array of category ids' },
    {
      name: 'a category limit over 10',
      input: { applicable_redeemables_limit: 30, applicable_redeemables_category_limits: { cat_a: 11 } },
      problem: 'applicable_redeemables_category_limits.cat_a must be an integer from 1 to 10',
    },
    {
      name: 'more applicable than sent',
      input: { redeemables_limit: 3, applicable_redeemables_limit: 4 },
      problem: 'applicable_redeemables_limit must not exceed redeemables_limit',
    },
    {
      name: 'a per-category limit over the applicable limit',
      input: { applicable_redeemables_per_category_limit: 6 },
      problem: 'applicable_redeemables_per_category_limit must not exceed applicable_redeemables_limit',
    },
    {
      name: 'a category limit over the applicable limit',
      input: { applicable_redeemables_category_limits: { cat_a: 6 } },
      problem: 'applicable_redeemables_category_limits.cat_a must not exceed applicable_redeemables_limit',
    },
    {
      name: 'an exclusive per-category limit over the exclusive limit',
      input: { applicable_exclusive_redeemables_per_category_limit: 2 },
      problem: 'must not exceed applicable_exclusive_redeemables_limit',
    },
    {
      name: 'a category both exclusive and joint',
      input: { exclusive_categories: ['cat_a', 'cat_b'], joint_categories: ['cat_b'] },
      problem: 'exclusive_categories and joint_categories must not share categories: cat_b',
    },
    {
      name: 'a category both skipped and redeemed without effect',
      input: { no_effect_skip_categories: ['cat_a'], no_effect_redeem_anyway_categories: ['cat_a'] },
      problem: 'must not share categories: cat_a',
    },
  ];

  it.each(refusals)('refuses $name', ({ input, problem }) => {
    expect(problemsOf(input).join('\n')).toContain(problem);
  });

  it('checks the merged rules: lowering a limit under a stored per-category limit is refused', () => {
    const base = { ...defaultStackingRules(), applicable_redeemables_per_category_limit: 4 };
    expect(problemsOf({ applicable_redeemables_limit: 3 }, base)).toEqual([
      'applicable_redeemables_per_category_limit must not exceed applicable_redeemables_limit',
    ]);
  });

  it('always answers consistent rules or problems, never throws', () => {
    const value = fc.oneof(fc.constant(null), fc.integer({ min: -2, max: 40 }), fc.string(), fc.array(fc.string()));
    const fields = Object.keys(DEFAULT_STACKING_RULES);
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...fields), value), (input) => {
        const parsed = parseStackingRules(input, defaultStackingRules());
        if (!parsed.ok) return;
        const r = parsed.rules;
        expect(r.applicable_redeemables_limit).toBeLessThanOrEqual(r.redeemables_limit);
        expect(r.exclusive_categories.filter((id) => r.joint_categories.includes(id))).toEqual([]);
      }),
    );
  });
});

describe('the rules about one category', () => {
  const rules: StackingRules = {
    ...defaultStackingRules(),
    exclusive_categories: ['cat_vip'],
    joint_categories: ['cat_gift'],
    no_effect_skip_categories: ['cat_vip'],
    redeemables_no_effect_rule: 'REDEEM_ANYWAY',
    initial_amount_mode_categories: ['cat_gift'],
    applicable_redeemables_category_limits: { cat_gift: 2 },
  };

  it.each([
    ['cat_vip', 'EXCLUSIVE'],
    ['cat_gift', 'JOINT'],
    ['cat_other', undefined],
  ])('%s is %s', (id, type) => {
    expect(stackingRulesTypeOf(id, rules)).toBe(type);
  });

  it('resolves the no-effect rule and the calculation mode by category, else the project rule', () => {
    expect(resolveNoEffectRule(['cat_vip'], rules)).toBe('SKIP');
    expect(resolveNoEffectRule(['cat_other'], rules)).toBe('REDEEM_ANYWAY');
    expect(resolveCalculationMode(['cat_gift'], rules)).toBe('INITIAL_AMOUNT');
    expect(resolveCalculationMode([], rules)).toBe('DISCOUNTED_AMOUNT');
  });

  it('names every category once and forgets a deleted one everywhere', () => {
    expect(listNamedCategories(rules)).toEqual(['cat_vip', 'cat_gift']);
    const without = removeCategory(rules, 'cat_gift');
    expect(listNamedCategories(without)).toEqual(['cat_vip']);
    expect(without.applicable_redeemables_category_limits).toEqual({});
    expect(rules.joint_categories).toEqual(['cat_gift']);
  });
});
