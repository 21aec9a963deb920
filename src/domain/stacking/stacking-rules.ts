/**
 * A project's stacking rules: how several redeemables sent in one validation or redemption are
 * ordered, limited and combined. One object per project; a project that never set them has
 * DEFAULT_STACKING_RULES.
 */

export const APPLICATION_MODES = ['ALL', 'PARTIAL'] as const;
export const SORTING_RULES = ['CATEGORY_HIERARCHY', 'REQUESTED_ORDER'] as const;
/**
 * The spec shows only `JOINT_ALWAYS_LAST` (in its examples; the request schema omits the field).
 * The dashboard's other choice ("apply the sorting rule to combined joint and exclusive
 * categories") has no published API value, so it is not accepted rather than guessed.
 */
export const GROUPED_SORTING_RULES = ['JOINT_ALWAYS_LAST'] as const;
export const PRODUCTS_APPLICATION_MODES = ['STACK', 'ONCE'] as const;
export const NO_EFFECT_RULES = ['REDEEM_ANYWAY', 'SKIP'] as const;
export const ROLLBACK_ORDER_MODES = ['WITH_ORDER', 'WITHOUT_ORDER'] as const;
export const DISCOUNT_CALCULATION_MODES = ['INITIAL_AMOUNT', 'DISCOUNTED_AMOUNT'] as const;
export const STACKING_RULES_TYPES = ['JOINT', 'EXCLUSIVE'] as const;

export type ApplicationMode = (typeof APPLICATION_MODES)[number];
export type SortingRule = (typeof SORTING_RULES)[number];
export type GroupedSortingRule = (typeof GROUPED_SORTING_RULES)[number];
export type ProductsApplicationMode = (typeof PRODUCTS_APPLICATION_MODES)[number];
export type NoEffectRule = (typeof NO_EFFECT_RULES)[number];
export type RollbackOrderMode = (typeof ROLLBACK_ORDER_MODES)[number];
export type DiscountCalculationMode = (typeof DISCOUNT_CALCULATION_MODES)[number];
/** How a category's redeemables combine with others: EXCLUSIVE apply alone, JOINT always join. */
export type StackingRulesType = (typeof STACKING_RULES_TYPES)[number];

/** Bounds from the spec's `ManagementProjectsStackingRulesBase` and `StackingRules` schemas. */
export const STACKING_LIMITS = {
  redeemables: 30,
  applicableRedeemables: 30,
  applicablePerCategory: 30,
  /** `applicable_redeemables_category_limits` values: 1..10. */
  categoryLimit: 10,
  applicableExclusive: 5,
  /** The management schema allows 30, the StackingRules schema 5; it never exceeds the exclusive limit (≤ 5) anyway. */
  applicableExclusivePerCategory: 5,
} as const;

export interface StackingRules {
  /** How many redeemables one request may send. */
  redeemables_limit: number;
  /** How many of them may apply; the rest are SKIPPED. */
  applicable_redeemables_limit: number;
  /** How many redeemables of one category may apply; null: no per-category limit. */
  applicable_redeemables_per_category_limit: number | null;
  /** Per-category limits by category id; they take the place of the per-category limit for that category. */
  applicable_redeemables_category_limits: Record<string, number>;
  /** How many redeemables of exclusive categories may apply together. */
  applicable_exclusive_redeemables_limit: number;
  /** How many redeemables of one exclusive category may apply; null: no such limit. */
  applicable_exclusive_redeemables_per_category_limit: number | null;
  exclusive_categories: string[];
  joint_categories: string[];
  redeemables_application_mode: ApplicationMode;
  redeemables_sorting_rule: SortingRule;
  grouped_redeemables_sorting_rule: GroupedSortingRule;
  redeemables_products_application_mode: ProductsApplicationMode;
  redeemables_no_effect_rule: NoEffectRule;
  no_effect_skip_categories: string[];
  no_effect_redeem_anyway_categories: string[];
  redeemables_rollback_order_mode: RollbackOrderMode;
  discount_calculation_mode: DiscountCalculationMode;
  initial_amount_mode_categories: string[];
  discounted_amount_mode_categories: string[];
}

/** Stacking rules a project set through the management API. */
export interface StoredStackingRules {
  id: string;
  rules: StackingRules;
  created_at: string;
  updated_at: string | null;
}

/**
 * Voucherify's defaults. The spec's `StackingRules` schema gives `redeemables_limit` 30,
 * `applicable_redeemables_limit` 5, `applicable_exclusive_redeemables_limit` 1 and
 * `redeemables_sorting_rule` REQUESTED_ORDER; `redeemables_rollback_order_mode` says "WITH_ORDER
 * is a default setting". The rest follow the `stacking_rules` a project with untouched settings
 * answers in a validation (spec example and a captured response): ALL, STACK, REDEEM_ANYWAY,
 * JOINT_ALWAYS_LAST, no categories. The two per-category limits are "optional" in the docs
 * (orchestrate/stacking-rules) and absent from that answer, so they are unset here although the
 * schema names a default of 1, which would quietly skip a second promotion of any category.
 * `discount_calculation_mode` has no stated default: each discount then applies to the amount the
 * previous ones left, as in every stacking example of the docs.
 */
export const DEFAULT_STACKING_RULES: Readonly<StackingRules> = Object.freeze({
  redeemables_limit: 30,
  applicable_redeemables_limit: 5,
  applicable_redeemables_per_category_limit: null,
  applicable_redeemables_category_limits: {},
  applicable_exclusive_redeemables_limit: 1,
  applicable_exclusive_redeemables_per_category_limit: null,
  exclusive_categories: [],
  joint_categories: [],
  redeemables_application_mode: 'ALL',
  redeemables_sorting_rule: 'REQUESTED_ORDER',
  grouped_redeemables_sorting_rule: 'JOINT_ALWAYS_LAST',
  redeemables_products_application_mode: 'STACK',
  redeemables_no_effect_rule: 'REDEEM_ANYWAY',
  no_effect_skip_categories: [],
  no_effect_redeem_anyway_categories: [],
  redeemables_rollback_order_mode: 'WITH_ORDER',
  discount_calculation_mode: 'DISCOUNTED_AMOUNT',
  initial_amount_mode_categories: [],
  discounted_amount_mode_categories: [],
});

/** A fresh copy of the defaults, safe to change. */
export function defaultStackingRules(): StackingRules {
  return structuredClone({ ...DEFAULT_STACKING_RULES });
}

/** The list fields that hold category ids. */
export const CATEGORY_LIST_FIELDS = [
  'exclusive_categories',
  'joint_categories',
  'no_effect_skip_categories',
  'no_effect_redeem_anyway_categories',
  'initial_amount_mode_categories',
  'discounted_amount_mode_categories',
] as const satisfies readonly (keyof StackingRules)[];

/** Every category id the rules name, each once, in the order they first appear. */
export function listNamedCategories(rules: StackingRules): string[] {
  const named = new Set<string>();
  for (const field of CATEGORY_LIST_FIELDS) for (const id of rules[field]) named.add(id);
  for (const id of Object.keys(rules.applicable_redeemables_category_limits)) named.add(id);
  return [...named];
}

/** The rules without any mention of `categoryId`: what remains when that category is deleted. */
export function removeCategory(rules: StackingRules, categoryId: string): StackingRules {
  const next: StackingRules = { ...rules };
  for (const field of CATEGORY_LIST_FIELDS) next[field] = rules[field].filter((id) => id !== categoryId);
  next.applicable_redeemables_category_limits = Object.fromEntries(
    Object.entries(rules.applicable_redeemables_category_limits).filter(([id]) => id !== categoryId),
  );
  return next;
}

/** EXCLUSIVE or JOINT when the rules list the category as such; undefined for an ordinary one. */
export function stackingRulesTypeOf(categoryId: string, rules: StackingRules): StackingRulesType | undefined {
  if (rules.exclusive_categories.includes(categoryId)) return 'EXCLUSIVE';
  if (rules.joint_categories.includes(categoryId)) return 'JOINT';
  return undefined;
}

/**
 * What happens to a redeemable of these categories when it has no effect: a category in
 * `no_effect_skip_categories` skips it, one in `no_effect_redeem_anyway_categories` redeems it,
 * otherwise the project's rule decides. The two lists never share a category (parse refuses it);
 * a redeemable in categories of both lists is skipped, the cautious reading.
 */
export function resolveNoEffectRule(categoryIds: readonly string[], rules: StackingRules): NoEffectRule {
  if (categoryIds.some((id) => rules.no_effect_skip_categories.includes(id))) return 'SKIP';
  if (categoryIds.some((id) => rules.no_effect_redeem_anyway_categories.includes(id))) return 'REDEEM_ANYWAY';
  return rules.redeemables_no_effect_rule;
}

/** Which amount a redeemable of these categories discounts: its categories' mode, else the project's. */
export function resolveCalculationMode(categoryIds: readonly string[], rules: StackingRules): DiscountCalculationMode {
  if (categoryIds.some((id) => rules.initial_amount_mode_categories.includes(id))) return 'INITIAL_AMOUNT';
  if (categoryIds.some((id) => rules.discounted_amount_mode_categories.includes(id))) return 'DISCOUNTED_AMOUNT';
  return rules.discount_calculation_mode;
}
