import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CategoryRank, orderStack, planStack, type StackCandidate } from './plan-stack.js';
import { defaultStackingRules, type StackingRules } from './stacking-rules.js';

interface Redeemable extends StackCandidate {
  id: string;
}

const CATEGORIES = new Map<string, CategoryRank>([
  ['cat_first', { hierarchy: 0 }],
  ['cat_second', { hierarchy: 1 }],
  ['cat_third', { hierarchy: 2 }],
  ['cat_vip', { hierarchy: 5 }],
  ['cat_gift', { hierarchy: 0 }],
]);

function rulesWith(changes: Partial<StackingRules>): StackingRules {
  return { ...defaultStackingRules(), redeemables_application_mode: 'PARTIAL', ...changes };
}

function redeemable(id: string, categoryIds: string[] = [], applicable = true): Redeemable {
  return { id, categoryIds, applicable };
}

/** `id:STATUS[:reason]` per step, in application order: one line to read a whole plan. */
function describePlan(redeemables: Redeemable[], rules: StackingRules): string[] {
  return planStack(redeemables, CATEGORIES, rules).steps.map((step) =>
    step.status === 'SKIPPED' ? `${step.redeemable.id}:SKIPPED:${step.reason}` : `${step.redeemable.id}:${step.status}`,
  );
}

describe('planStack', () => {
  const cases: { name: string; rules: Partial<StackingRules>; redeemables: Redeemable[]; plan: string[] }[] = [
    {
      name: 'REQUESTED_ORDER keeps the request order and applies all within the limit',
      rules: {},
      redeemables: [redeemable('a', ['cat_third']), redeemable('b', ['cat_first']), redeemable('c')],
      plan: ['a:APPLICABLE', 'b:APPLICABLE', 'c:APPLICABLE'],
    },
    {
      name: 'CATEGORY_HIERARCHY puts lower hierarchy first, ties in request order, uncategorized last',
      rules: { redeemables_sorting_rule: 'CATEGORY_HIERARCHY' },
      redeemables: [
        redeemable('none'),
        redeemable('third', ['cat_third']),
        redeemable('gift', ['cat_gift']),
        redeemable('first', ['cat_first']),
        redeemable('second', ['cat_second']),
      ],
      plan: ['gift:APPLICABLE', 'first:APPLICABLE', 'second:APPLICABLE', 'third:APPLICABLE', 'none:APPLICABLE'],
    },
    {
      name: 'a redeemable in several categories ranks by its most important one',
      rules: { redeemables_sorting_rule: 'CATEGORY_HIERARCHY' },
      redeemables: [redeemable('second', ['cat_second']), redeemable('both', ['cat_third', 'cat_first'])],
      plan: ['both:APPLICABLE', 'second:APPLICABLE'],
    },
    {
      name: 'the sixth redeemable is skipped by the default limit of 5',
      rules: {},
      redeemables: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => redeemable(id)),
      plan: [
        'a:APPLICABLE',
        'b:APPLICABLE',
        'c:APPLICABLE',
        'd:APPLICABLE',
        'e:APPLICABLE',
        'f:SKIPPED:applicable_redeemables_limit_exceeded',
      ],
    },
    {
      name: 'an inapplicable redeemable takes no slot of the limit in PARTIAL mode',
      rules: { applicable_redeemables_limit: 2 },
      redeemables: [redeemable('a'), redeemable('bad', [], false), redeemable('b'), redeemable('c')],
      plan: ['a:APPLICABLE', 'bad:INAPPLICABLE', 'b:APPLICABLE', 'c:SKIPPED:applicable_redeemables_limit_exceeded'],
    },
    {
      name: 'ALL mode: the redeemables after an inapplicable one are skipped',
      rules: { redeemables_application_mode: 'ALL' },
      redeemables: [redeemable('a'), redeemable('bad', [], false), redeemable('b'), redeemable('late', [], false)],
      plan: [
        'a:APPLICABLE',
        'bad:INAPPLICABLE',
        'b:SKIPPED:preceding_validation_failed',
        'late:SKIPPED:preceding_validation_failed',
      ],
    },
    {
      name: "docs' VIP example: the exclusive one applies, the common one does not, though sent first",
      rules: { exclusive_categories: ['cat_vip'] },
      redeemables: [redeemable('newsletter', ['cat_second']), redeemable('vip', ['cat_vip'])],
      plan: ['newsletter:SKIPPED:exclusion_rules_not_met', 'vip:APPLICABLE'],
    },
    {
      name: "docs' joint example: an always-stackable one joins the exclusive one, last",
      rules: { exclusive_categories: ['cat_vip'], joint_categories: ['cat_gift'] },
      redeemables: [redeemable('gift', ['cat_gift']), redeemable('common'), redeemable('vip', ['cat_vip'])],
      plan: ['common:SKIPPED:exclusion_rules_not_met', 'vip:APPLICABLE', 'gift:APPLICABLE'],
    },
    {
      name: 'an inapplicable exclusive one blocks nothing',
      rules: { exclusive_categories: ['cat_vip'] },
      redeemables: [redeemable('vip', ['cat_vip'], false), redeemable('common')],
      plan: ['vip:INAPPLICABLE', 'common:APPLICABLE'],
    },
    {
      name: 'a second exclusive one is skipped by the default exclusive limit of 1',
      rules: { exclusive_categories: ['cat_vip', 'cat_third'] },
      redeemables: [redeemable('vip', ['cat_vip']), redeemable('other', ['cat_third'])],
      plan: ['vip:APPLICABLE', 'other:SKIPPED:applicable_exclusive_redeemables_limit_exceeded'],
    },
    {
      name: 'exclusive ones stack up to their limit, then the per-category limit of exclusives',
      rules: {
        exclusive_categories: ['cat_vip', 'cat_third'],
        applicable_exclusive_redeemables_limit: 3,
        applicable_exclusive_redeemables_per_category_limit: 1,
      },
      redeemables: [redeemable('vip1', ['cat_vip']), redeemable('vip2', ['cat_vip']), redeemable('t', ['cat_third'])],
      plan: [
        'vip1:APPLICABLE',
        'vip2:SKIPPED:applicable_exclusive_redeemables_per_category_limit_exceeded',
        't:APPLICABLE',
      ],
    },
    {
      name: "docs' category stacking limit: the third of a category with limit 2 is skipped",
      rules: { applicable_redeemables_category_limits: { cat_second: 2 } },
      redeemables: ['x', 'y', 'z'].map((id) => redeemable(id, ['cat_second'])),
      plan: ['x:APPLICABLE', 'y:APPLICABLE', 'z:SKIPPED:applicable_redeemables_per_category_limit_exceeded'],
    },
    {
      name: "a category's own limit takes the place of the per-category limit",
      rules: { applicable_redeemables_per_category_limit: 1, applicable_redeemables_category_limits: { cat_first: 2 } },
      redeemables: [
        redeemable('f1', ['cat_first']),
        redeemable('f2', ['cat_first']),
        redeemable('s1', ['cat_second']),
        redeemable('s2', ['cat_second']),
      ],
      plan: [
        'f1:APPLICABLE',
        'f2:APPLICABLE',
        's1:APPLICABLE',
        's2:SKIPPED:applicable_redeemables_per_category_limit_exceeded',
      ],
    },
    {
      name: 'JOINT_ALWAYS_LAST moves joint ones after the others, even with lower hierarchy',
      rules: { redeemables_sorting_rule: 'CATEGORY_HIERARCHY', joint_categories: ['cat_gift'] },
      redeemables: [
        redeemable('gift', ['cat_gift']),
        redeemable('third', ['cat_third']),
        redeemable('first', ['cat_first']),
      ],
      plan: ['first:APPLICABLE', 'third:APPLICABLE', 'gift:APPLICABLE'],
    },
  ];

  it.each(cases)('$name', ({ rules, redeemables, plan }) => {
    expect(describePlan(redeemables, rulesWith(rules))).toEqual(plan);
  });

  it('answers valid only when something applies and, in ALL mode, nothing failed', () => {
    const all = rulesWith({ redeemables_application_mode: 'ALL' });
    const partial = rulesWith({});
    expect(planStack([redeemable('a'), redeemable('b', [], false)], CATEGORIES, all).valid).toBe(false);
    expect(planStack([redeemable('a'), redeemable('b', [], false)], CATEGORIES, partial).valid).toBe(true);
    expect(planStack([redeemable('b', [], false)], CATEGORIES, partial).valid).toBe(false);
    expect(planStack([], CATEGORIES, partial).valid).toBe(false);
  });
});

const CATEGORY_IDS = [...CATEGORIES.keys(), 'cat_unknown'];

const arbitraryRules: fc.Arbitrary<StackingRules> = fc
  .record({
    applicable: fc.integer({ min: 1, max: 30 }),
    exclusive: fc.integer({ min: 1, max: 5 }),
    perCategory: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
    exclusivePerCategory: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    categoryLimits: fc.dictionary(fc.constantFrom(...CATEGORY_IDS), fc.integer({ min: 1, max: 10 })),
    kinds: fc.array(fc.constantFrom('exclusive', 'joint', 'common'), {
      minLength: CATEGORY_IDS.length,
      maxLength: CATEGORY_IDS.length,
    }),
    mode: fc.constantFrom('ALL' as const, 'PARTIAL' as const),
    sorting: fc.constantFrom('CATEGORY_HIERARCHY' as const, 'REQUESTED_ORDER' as const),
  })
  .map((r) => ({
    ...defaultStackingRules(),
    applicable_redeemables_limit: r.applicable,
    applicable_exclusive_redeemables_limit: r.exclusive,
    applicable_redeemables_per_category_limit: r.perCategory,
    applicable_exclusive_redeemables_per_category_limit: r.exclusivePerCategory,
    applicable_redeemables_category_limits: r.categoryLimits,
    exclusive_categories: CATEGORY_IDS.filter((_, i) => r.kinds[i] === 'exclusive'),
    joint_categories: CATEGORY_IDS.filter((_, i) => r.kinds[i] === 'joint'),
    redeemables_application_mode: r.mode,
    redeemables_sorting_rule: r.sorting,
  }));

const arbitraryRedeemables = fc.array(
  fc.record({
    id: fc.string(),
    categoryIds: fc.uniqueArray(fc.constantFrom(...CATEGORY_IDS), { maxLength: 2 }),
    applicable: fc.boolean(),
  }),
  { maxLength: 30 },
);

describe('planStack properties', () => {
  it('never applies more than the limits allow', () => {
    fc.assert(
      fc.property(arbitraryRedeemables, arbitraryRules, (redeemables, rules) => {
        const applied = planStack(redeemables, CATEGORIES, rules).steps.filter((s) => s.status === 'APPLICABLE');
        expect(applied.length).toBeLessThanOrEqual(rules.applicable_redeemables_limit);
        const exclusive = applied.filter((s) =>
          s.redeemable.categoryIds.some((id) => rules.exclusive_categories.includes(id)),
        );
        expect(exclusive.length).toBeLessThanOrEqual(rules.applicable_exclusive_redeemables_limit);
        for (const id of CATEGORY_IDS) {
          const limit =
            rules.applicable_redeemables_category_limits[id] ?? rules.applicable_redeemables_per_category_limit;
          const inCategory = applied.filter((s) => s.redeemable.categoryIds.includes(id)).length;
          if (limit !== null) expect(inCategory).toBeLessThanOrEqual(limit);
        }
      }),
    );
  });

  it('never applies an exclusive redeemable beside a common one, nor an inapplicable one', () => {
    fc.assert(
      fc.property(arbitraryRedeemables, arbitraryRules, (redeemables, rules) => {
        const applied = planStack(redeemables, CATEGORIES, rules).steps.filter((s) => s.status === 'APPLICABLE');
        const isExclusive = (c: StackCandidate) => c.categoryIds.some((id) => rules.exclusive_categories.includes(id));
        const isJoint = (c: StackCandidate) => c.categoryIds.some((id) => rules.joint_categories.includes(id));
        if (applied.some((s) => isExclusive(s.redeemable))) {
          for (const step of applied) expect(isExclusive(step.redeemable) || isJoint(step.redeemable)).toBe(true);
        }
        for (const step of applied) expect(step.redeemable.applicable).toBe(true);
      }),
    );
  });

  it('lists every requested redeemable exactly once, in the order it sorts, and always the same way', () => {
    fc.assert(
      fc.property(arbitraryRedeemables, arbitraryRules, (redeemables, rules) => {
        const plan = planStack(redeemables, CATEGORIES, rules);
        expect(plan.steps.map((s) => s.index).sort((a, b) => a - b)).toEqual(redeemables.map((_, i) => i));
        for (const step of plan.steps) expect(step.redeemable).toBe(redeemables[step.index]);
        expect(plan.steps.map((s) => s.index)).toEqual(orderStack(redeemables, CATEGORIES, rules));
        expect(planStack(redeemables, CATEGORIES, rules)).toEqual(plan);
      }),
    );
  });

  it('applies every applicable one when nothing limits or excludes them', () => {
    fc.assert(
      fc.property(arbitraryRedeemables, (redeemables) => {
        const rules = rulesWith({ applicable_redeemables_limit: 30 });
        const plan = planStack(redeemables, CATEGORIES, rules);
        for (const step of plan.steps)
          expect(step.status).toBe(step.redeemable.applicable ? 'APPLICABLE' : 'INAPPLICABLE');
        expect(plan.steps.map((s) => s.index)).toEqual(redeemables.map((_, i) => i));
      }),
    );
  });

  it('CATEGORY_HIERARCHY never applies a higher hierarchy before a lower one within a group', () => {
    fc.assert(
      fc.property(arbitraryRedeemables, (redeemables) => {
        const rules = rulesWith({ redeemables_sorting_rule: 'CATEGORY_HIERARCHY' });
        const rank = (c: StackCandidate) =>
          Math.min(...c.categoryIds.map((id) => CATEGORIES.get(id)?.hierarchy ?? Number.POSITIVE_INFINITY));
        const steps = planStack(redeemables, CATEGORIES, rules).steps;
        for (let i = 1; i < steps.length; i++) {
          const [before, after] = [steps[i - 1], steps[i]];
          if (!before || !after) continue;
          const [a, b] = [rank(before.redeemable), rank(after.redeemable)];
          expect(a < b || (a === b && before.index < after.index)).toBe(true);
        }
      }),
    );
  });
});
