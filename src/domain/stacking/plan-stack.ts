import type { StackingRules } from './stacking-rules.js';

/** Why a redeemable that could apply was SKIPPED: the spec's `result.details` keys and messages. */
export const SKIP_MESSAGES = {
  applicable_redeemables_limit_exceeded: 'Applicable redeemables limit exceeded',
  applicable_redeemables_per_category_limit_exceeded: 'Applicable redeemables limit per category exceeded',
  applicable_exclusive_redeemables_limit_exceeded: 'Applicable exclusive redeemables limit exceeded',
  applicable_exclusive_redeemables_per_category_limit_exceeded:
    'Applicable exclusive redeemables limit per category exceeded',
  exclusion_rules_not_met: 'Redeemable cannot be applied due to exclusion rules',
  preceding_validation_failed: 'Redeemable cannot be applied due to preceding validation failure',
  no_effect: 'Redeemable cannot be applied due to no effect',
} as const;

export type SkipReason = keyof typeof SKIP_MESSAGES;

/** One requested redeemable as the plan sees it; the engine's own object rides along. */
export interface StackCandidate {
  /** The categories of the redeemable (its campaign's, or a standalone voucher's own). */
  readonly categoryIds: readonly string[];
  /** Whether it passed its own checks (validity, rules, balance) so far; the plan never applies one that did not. */
  readonly applicable: boolean;
}

/** What the plan needs of a category: its rank when CATEGORY_HIERARCHY sorts. */
export interface CategoryRank {
  readonly hierarchy: number;
}

export type StackStep<T> =
  | { readonly redeemable: T; readonly index: number; readonly status: 'APPLICABLE' | 'INAPPLICABLE' }
  | { readonly redeemable: T; readonly index: number; readonly status: 'SKIPPED'; readonly reason: SkipReason };

export interface StackPlan<T> {
  /** False when nothing applies, or, in ALL mode, when any redeemable is inapplicable. */
  readonly valid: boolean;
  /** Every requested redeemable once, in the order they apply; `index` is its place in the request. */
  readonly steps: readonly StackStep<T>[];
}

interface StackKind {
  readonly exclusive: boolean;
  readonly joint: boolean;
}

function kindOf(categoryIds: readonly string[], rules: StackingRules): StackKind {
  return {
    exclusive: categoryIds.some((id) => rules.exclusive_categories.includes(id)),
    joint: categoryIds.some((id) => rules.joint_categories.includes(id)),
  };
}

/** The most important (lowest) hierarchy of the redeemable's known categories; uncategorized ones rank last. */
function rankOf(categoryIds: readonly string[], categoriesById: ReadonlyMap<string, CategoryRank>): number {
  let rank = Number.POSITIVE_INFINITY;
  for (const id of categoryIds) {
    const hierarchy = categoriesById.get(id)?.hierarchy;
    if (hierarchy !== undefined && hierarchy < rank) rank = hierarchy;
  }
  return rank;
}

/**
 * The request indices in the order the redeemables apply. REQUESTED_ORDER keeps the request's
 * order; CATEGORY_HIERARCHY puts lower category `hierarchy` first, ties keeping the request's
 * order (docs: orchestrate/stacking-rules). JOINT_ALWAYS_LAST then moves redeemables of joint
 * categories after all others, each group keeping its own order.
 */
export function orderStack(
  redeemables: readonly StackCandidate[],
  categoriesById: ReadonlyMap<string, CategoryRank>,
  rules: StackingRules,
): number[] {
  const jointLast = rules.grouped_redeemables_sorting_rule === 'JOINT_ALWAYS_LAST';
  const byHierarchy = rules.redeemables_sorting_rule === 'CATEGORY_HIERARCHY';
  const keys = redeemables.map((redeemable, index) => ({
    index,
    group: jointLast && kindOf(redeemable.categoryIds, rules).joint ? 1 : 0,
    rank: byHierarchy ? rankOf(redeemable.categoryIds, categoriesById) : 0,
  }));
  keys.sort((a, b) => a.group - b.group || compareRanks(a.rank, b.rank) || a.index - b.index);
  return keys.map((key) => key.index);
}

function compareRanks(a: number, b: number): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Counts what has been admitted so far and answers why the next one cannot be, if it cannot. */
function createTally(rules: StackingRules) {
  let applied = 0;
  let appliedExclusive = 0;
  const perCategory = new Map<string, number>();
  const exclusivePerCategory = new Map<string, number>();
  const limitOf = (categoryId: string) =>
    rules.applicable_redeemables_category_limits[categoryId] ?? rules.applicable_redeemables_per_category_limit;

  const refusal = (categories: readonly string[], exclusive: boolean): SkipReason | undefined => {
    if (applied >= rules.applicable_redeemables_limit) return 'applicable_redeemables_limit_exceeded';
    if (exclusive) {
      if (appliedExclusive >= rules.applicable_exclusive_redeemables_limit) {
        return 'applicable_exclusive_redeemables_limit_exceeded';
      }
      const limit = rules.applicable_exclusive_redeemables_per_category_limit;
      const full = categories.some(
        (id) =>
          limit !== null && rules.exclusive_categories.includes(id) && (exclusivePerCategory.get(id) ?? 0) >= limit,
      );
      if (full) return 'applicable_exclusive_redeemables_per_category_limit_exceeded';
    }
    const categoryFull = categories.some((id) => {
      const limit = limitOf(id);
      return limit !== null && limit !== undefined && (perCategory.get(id) ?? 0) >= limit;
    });
    return categoryFull ? 'applicable_redeemables_per_category_limit_exceeded' : undefined;
  };

  /** Admits the redeemable, or answers why it is skipped. */
  return (categoryIds: readonly string[], exclusive: boolean): SkipReason | undefined => {
    const categories = [...new Set(categoryIds)];
    const reason = refusal(categories, exclusive);
    if (reason) return reason;
    applied++;
    for (const id of categories) perCategory.set(id, (perCategory.get(id) ?? 0) + 1);
    if (exclusive) {
      appliedExclusive++;
      for (const id of categories) exclusivePerCategory.set(id, (exclusivePerCategory.get(id) ?? 0) + 1);
    }
    return undefined;
  };
}

/**
 * Which of the requested redeemables apply, in which order, and why the others do not.
 *
 * - In ALL mode the first inapplicable one (in application order) fails the request: the ones
 *   after it are SKIPPED with `preceding_validation_failed`. In PARTIAL mode they are only left out.
 * - Redeemables of exclusive categories are admitted first, whatever their place: the docs say an
 *   exclusive ("never stackable") incentive blocks common ones regardless of hierarchy or request
 *   order. Once one applies, every other redeemable that is neither exclusive nor joint is SKIPPED
 *   with `exclusion_rules_not_met`; exclusive ones join up to `applicable_exclusive_redeemables_limit`
 *   (and its per-category limit), joint ones always join.
 * - Then the rest, in application order, up to `applicable_redeemables_limit` and the per-category
 *   limits (a category's own limit in `applicable_redeemables_category_limits` takes the place of
 *   `applicable_redeemables_per_category_limit`). Inapplicable redeemables count against nothing.
 *
 * Pure and deterministic: the same request and rules give the same plan.
 */
export function planStack<T extends StackCandidate>(
  redeemables: readonly T[],
  categoriesById: ReadonlyMap<string, CategoryRank>,
  rules: StackingRules,
): StackPlan<T> {
  const order = orderStack(redeemables, categoriesById, rules);
  const decided = new Map<number, StackStep<T>>();
  const decide = (index: number, status: 'APPLICABLE' | 'INAPPLICABLE') =>
    decided.set(index, { redeemable: redeemables[index] as T, index, status });
  const skip = (index: number, reason: SkipReason) =>
    decided.set(index, { redeemable: redeemables[index] as T, index, status: 'SKIPPED', reason });

  let failed = false;
  const candidates: number[] = [];
  for (const index of order) {
    const redeemable = redeemables[index] as T;
    if (failed) skip(index, 'preceding_validation_failed');
    else if (!redeemable.applicable) {
      decide(index, 'INAPPLICABLE');
      failed = rules.redeemables_application_mode === 'ALL';
    } else candidates.push(index);
  }

  const kinds = new Map(candidates.map((index) => [index, kindOf((redeemables[index] as T).categoryIds, rules)]));
  const admit = createTally(rules);
  let exclusiveApplies = false;
  for (const index of candidates) {
    if (!kinds.get(index)?.exclusive) continue;
    const reason = admit((redeemables[index] as T).categoryIds, true);
    if (reason) skip(index, reason);
    else {
      decide(index, 'APPLICABLE');
      exclusiveApplies = true;
    }
  }
  for (const index of candidates) {
    const kind = kinds.get(index);
    if (kind?.exclusive) continue;
    if (exclusiveApplies && !kind?.joint) {
      skip(index, 'exclusion_rules_not_met');
      continue;
    }
    const reason = admit((redeemables[index] as T).categoryIds, false);
    if (reason) skip(index, reason);
    else decide(index, 'APPLICABLE');
  }

  const steps = order.map((index) => decided.get(index) as StackStep<T>);
  const anyApplies = steps.some((step) => step.status === 'APPLICABLE');
  return { valid: anyApplies && !failed, steps };
}

/** The request sends more redeemables than the rules allow: a 400 before anything is validated. */
export function exceedsRedeemablesLimit(count: number, rules: StackingRules): boolean {
  return count > rules.redeemables_limit;
}
