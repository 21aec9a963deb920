import { AppError } from '../errors.js';
import {
  APPLICATION_MODES,
  DEFAULT_STACKING_RULES,
  DISCOUNT_CALCULATION_MODES,
  GROUPED_SORTING_RULES,
  NO_EFFECT_RULES,
  PRODUCTS_APPLICATION_MODES,
  ROLLBACK_ORDER_MODES,
  SORTING_RULES,
  STACKING_LIMITS,
  type StackingRules,
} from './stacking-rules.js';

export type ParsedStackingRules = { ok: true; rules: StackingRules } | { ok: false; problems: string[] };

/** More category ids than any project has categories to make exclusive: keeps one request bounded. */
export const MAX_CATEGORIES_PER_LIST = 100;

type Field = keyof StackingRules;
type Problems = string[];

const INTEGER_FIELDS = {
  redeemables_limit: STACKING_LIMITS.redeemables,
  applicable_redeemables_limit: STACKING_LIMITS.applicableRedeemables,
  applicable_exclusive_redeemables_limit: STACKING_LIMITS.applicableExclusive,
} as const satisfies Partial<Record<Field, number>>;

const OPTIONAL_INTEGER_FIELDS = {
  applicable_redeemables_per_category_limit: STACKING_LIMITS.applicablePerCategory,
  applicable_exclusive_redeemables_per_category_limit: STACKING_LIMITS.applicableExclusivePerCategory,
} as const satisfies Partial<Record<Field, number>>;

const ENUM_FIELDS = {
  redeemables_application_mode: APPLICATION_MODES,
  redeemables_sorting_rule: SORTING_RULES,
  grouped_redeemables_sorting_rule: GROUPED_SORTING_RULES,
  redeemables_products_application_mode: PRODUCTS_APPLICATION_MODES,
  redeemables_no_effect_rule: NO_EFFECT_RULES,
  redeemables_rollback_order_mode: ROLLBACK_ORDER_MODES,
  discount_calculation_mode: DISCOUNT_CALCULATION_MODES,
} as const satisfies Partial<Record<Field, readonly string[]>>;

/** Category-id lists that must not share a category: a category cannot be both at once. */
const DISJOINT_LISTS = [
  ['exclusive_categories', 'joint_categories'],
  ['no_effect_skip_categories', 'no_effect_redeem_anyway_categories'],
  ['initial_amount_mode_categories', 'discounted_amount_mode_categories'],
] as const;

function isIntegerIn(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max;
}

function parseIdList(field: string, value: unknown, problems: Problems): string[] | undefined {
  if (!Array.isArray(value) || value.some((id) => typeof id !== 'string' || id.length === 0)) {
    problems.push(`${field} must be an array of category ids`);
    return undefined;
  }
  const ids = [...new Set(value as string[])];
  if (ids.length > MAX_CATEGORIES_PER_LIST) {
    problems.push(`${field} may name at most ${MAX_CATEGORIES_PER_LIST} categories`);
    return undefined;
  }
  return ids;
}

function parseCategoryLimits(value: unknown, problems: Problems): Record<string, number> | undefined {
  const field = 'applicable_redeemables_category_limits';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(`${field} must be an object of category ids and limits`);
    return undefined;
  }
  const entries = Object.entries(value);
  if (entries.length > MAX_CATEGORIES_PER_LIST) {
    problems.push(`${field} may name at most ${MAX_CATEGORIES_PER_LIST} categories`);
    return undefined;
  }
  const bad = entries.filter(([id, limit]) => id.length === 0 || !isIntegerIn(limit, STACKING_LIMITS.categoryLimit));
  for (const [id] of bad) {
    problems.push(`${field}.${id} must be an integer from 1 to ${STACKING_LIMITS.categoryLimit}`);
  }
  return bad.length > 0 ? undefined : (Object.fromEntries(entries) as Record<string, number>);
}

/** The value sent for one field, parsed; undefined (with a problem) when it is wrong. */
function parseField(field: Field, value: unknown, problems: Problems): unknown {
  if (field in INTEGER_FIELDS || field in OPTIONAL_INTEGER_FIELDS) {
    const max =
      INTEGER_FIELDS[field as keyof typeof INTEGER_FIELDS] ??
      OPTIONAL_INTEGER_FIELDS[field as keyof typeof OPTIONAL_INTEGER_FIELDS];
    if (isIntegerIn(value, max)) return value;
    problems.push(`${field} must be an integer from 1 to ${max}`);
    return undefined;
  }
  if (field in ENUM_FIELDS) {
    const allowed: readonly string[] = ENUM_FIELDS[field as keyof typeof ENUM_FIELDS];
    if (typeof value === 'string' && allowed.includes(value)) return value;
    problems.push(`${field} must be one of ${allowed.join(', ')}`);
    return undefined;
  }
  if (field === 'applicable_redeemables_category_limits') return parseCategoryLimits(value, problems);
  return parseIdList(field, value, problems);
}

/** What the spec requires of the rules as a whole, checked after the sent fields are merged in. */
function checkConsistency(rules: StackingRules): Problems {
  const problems: Problems = [];
  const applicable = rules.applicable_redeemables_limit;
  if (applicable > rules.redeemables_limit) {
    problems.push('applicable_redeemables_limit must not exceed redeemables_limit');
  }
  const perCategory = rules.applicable_redeemables_per_category_limit;
  if (perCategory !== null && perCategory > applicable) {
    problems.push('applicable_redeemables_per_category_limit must not exceed applicable_redeemables_limit');
  }
  const exclusivePerCategory = rules.applicable_exclusive_redeemables_per_category_limit;
  if (exclusivePerCategory !== null && exclusivePerCategory > rules.applicable_exclusive_redeemables_limit) {
    problems.push(
      'applicable_exclusive_redeemables_per_category_limit must not exceed applicable_exclusive_redeemables_limit',
    );
  }
  for (const [id, limit] of Object.entries(rules.applicable_redeemables_category_limits)) {
    if (limit > applicable) {
      problems.push(`applicable_redeemables_category_limits.${id} must not exceed applicable_redeemables_limit`);
    }
  }
  for (const [a, b] of DISJOINT_LISTS) {
    const shared = rules[a].filter((id) => rules[b].includes(id));
    if (shared.length > 0) problems.push(`${a} and ${b} must not share categories: ${shared.join(', ')}`);
  }
  return problems;
}

const FIELDS = Object.keys(DEFAULT_STACKING_RULES) as Field[];

/**
 * Merges the fields of a create or update request into `base` (the defaults for a create, the
 * stored rules for an update). A field left out keeps the base's value; null puts back Voucherify's
 * default, the only way to unset an optional limit; a list sent replaces the list whole, as the
 * spec's update says. Unknown fields are ignored. Whether the named categories exist is the
 * caller's question: it needs the store.
 */
export function parseStackingRules(input: Readonly<Record<string, unknown>>, base: StackingRules): ParsedStackingRules {
  const problems: Problems = [];
  const merged: Record<string, unknown> = { ...base };
  for (const field of FIELDS) {
    if (!Object.hasOwn(input, field) || input[field] === undefined) continue;
    const value = input[field];
    if (value === null) {
      merged[field] = structuredClone(DEFAULT_STACKING_RULES[field]);
      continue;
    }
    const parsed = parseField(field, value, problems);
    if (parsed !== undefined) merged[field] = parsed;
  }
  if (problems.length > 0) return { ok: false, problems };
  const rules = merged as unknown as StackingRules;
  const inconsistent = checkConsistency(rules);
  return inconsistent.length > 0 ? { ok: false, problems: inconsistent } : { ok: true, rules };
}

export function invalidStackingRules(problems: readonly string[]): AppError {
  return new AppError('invalid_payload', { details: problems.join('; ') });
}
