import type { PreparedRuleFacts } from './prepared-facts.js';
import { instantOf, localDayOf } from './rule-dates.js';
import type { ConditionValue, ParsedCondition } from './rule-definition.js';
import type { RuleOperator } from './rule-operators.js';
import type { RuleValueType } from './rule-value-types.js';

/**
 * Conditions compiled once into closures over a value. Their meaning:
 * - A missing or null value is unknown: only `$is_unknown` holds on it. Every other operator,
 *   the negative ones too (`$is_not`, `$not_in`, `$not_contain`), needs a known value.
 * - The conditions of one rule combine with `and`.
 * - Numbers and money compare as numbers. A metadata value compares by the type of the
 *   condition's value: `5` matches the number 5, `"5"` the text "5", `true` the boolean; ordering
 *   against an ISO date compares instants; text operators need a text. Nothing is converted.
 * - An array value (segment ids, tiers, a metadata list) is a set: `$is`/`$in` hold when it holds
 *   any listed value, `$is_not`/`$not_in` when it holds none; `$count…` compare its length.
 * - Relative days count calendar days on the project's wall clock between today and the date:
 *   "less than 3 days ago" is today, yesterday or the day before; future dates are never "ago".
 */
export type ValueTest = (value: unknown, facts: PreparedRuleFacts) => boolean;

type KnownTest = (value: unknown, facts: PreparedRuleFacts) => boolean;

const ORDERINGS: Partial<Record<RuleOperator, (a: number, b: number) => boolean>> = {
  $more_than: (a, b) => a > b,
  $more_than_or_equal: (a, b) => a >= b,
  $less_than: (a, b) => a < b,
  $less_than_or_equal: (a, b) => a <= b,
  $after: (a, b) => a > b,
  $before: (a, b) => a < b,
  $count: (a, b) => a === b,
  $count_more: (a, b) => a > b,
  $count_less: (a, b) => a < b,
};

/** Days from today back to the date: positive in the past, negative in the future. */
const RELATIVE_DAYS: Partial<Record<RuleOperator, (daysAgo: number, n: number) => boolean>> = {
  $is_days_ago: (ago, n) => ago === n,
  $more_than_ago: (ago, n) => ago > n,
  $less_than_ago: (ago, n) => ago >= 0 && ago < n,
  $is_days_in_future: (ago, n) => -ago === n,
  $more_than_future: (ago, n) => -ago > n,
  $less_than_future: (ago, n) => ago <= 0 && -ago < n,
};

function isListed(value: unknown, listed: readonly ConditionValue[]): boolean {
  if (!Array.isArray(value)) return listed.includes(value as ConditionValue);
  for (const element of value) if (listed.includes(element)) return true;
  return false;
}

const isAnything = (): boolean => true;

/** Numbers and money: each test rejects what is not a number, unknown values included. */
function compileNumeric({ operator, values }: ParsedCondition): ValueTest {
  const bound = values[0] as number;
  const single = values.length === 1;
  switch (operator) {
    case '$is':
    case '$in':
      return single ? (value) => value === bound : (value) => typeof value === 'number' && values.includes(value);
    case '$is_not':
    case '$not_in':
      return single
        ? (value) => typeof value === 'number' && value !== bound
        : (value) => typeof value === 'number' && !values.includes(value);
    case '$more_than':
      return (value) => typeof value === 'number' && value > bound;
    case '$more_than_or_equal':
      return (value) => typeof value === 'number' && value >= bound;
    case '$less_than':
      return (value) => typeof value === 'number' && value < bound;
    default: // $less_than_or_equal, the one operator left that the catalog gives numbers
      return (value) => typeof value === 'number' && value <= bound;
  }
}

/** Segment and tier ids: the value is the customer's list; anything else is unknown. */
function compileIdSet({ operator, values }: ParsedCondition): ValueTest {
  if (operator === '$is' || operator === '$in') return (value) => Array.isArray(value) && isListed(value, values);
  return (value) => Array.isArray(value) && !isListed(value, values);
}

function compileText(operator: RuleOperator, needle: string): KnownTest {
  switch (operator) {
    case '$starts_with':
      return (value) => typeof value === 'string' && value.startsWith(needle);
    case '$ends_with':
      return (value) => typeof value === 'string' && value.endsWith(needle);
    case '$contains':
      return (value) => typeof value === 'string' && value.includes(needle);
    default: // $not_contain, the one text operator left
      return (value) => typeof value === 'string' && !value.includes(needle);
  }
}

function compileMetadata({ operator, values }: ParsedCondition): KnownTest {
  if (operator === '$is' || operator === '$in') return (value) => isListed(value, values);
  if (operator === '$is_not' || operator === '$not_in') return (value) => !isListed(value, values);
  const first = values[0];
  const relative = RELATIVE_DAYS[operator];
  if (relative) {
    return (value, facts) => {
      const day = localDayOf(value, facts.raw.timezone);
      const today = facts.today;
      return day !== null && today !== null && relative(today - day, first as number);
    };
  }
  const order = ORDERINGS[operator];
  if (order && (operator === '$count' || operator === '$count_more' || operator === '$count_less')) {
    return (value) => Array.isArray(value) && order(value.length, first as number);
  }
  if (order && typeof first === 'number') return (value) => typeof value === 'number' && order(value, first);
  if (order) {
    const bound = instantOf(first) as number;
    return (value) => {
      const instant = instantOf(value);
      return instant !== null && order(instant, bound);
    };
  }
  return compileText(operator, first as string);
}

function compileCondition(type: RuleValueType, condition: ParsedCondition): ValueTest {
  if (condition.operator === '$is_unknown') return (value) => value === undefined || value === null;
  if (condition.operator === '$has_value') return (value) => value !== undefined && value !== null;
  switch (type) {
    case 'money':
    case 'number':
      return compileNumeric(condition);
    case 'segment_ids':
    case 'tier_ids':
      return compileIdSet(condition);
    case 'metadata': {
      const known = compileMetadata(condition);
      return (value, facts) => value !== undefined && value !== null && known(value, facts);
    }
    case 'flag':
    case 'item_refs':
      // A flag is a legacy marker; item references are compiled by compile-item-rules.ts.
      return isAnything;
  }
}

/** One test for all of a rule's conditions on the value it reads. */
export function compileConditions(type: RuleValueType, conditions: readonly ParsedCondition[]): ValueTest {
  const tests = conditions.map((condition) => compileCondition(type, condition));
  if (tests.length === 1) return tests[0] as ValueTest;
  return (value, facts) => {
    for (const test of tests) if (!test(value, facts)) return false;
    return true;
  };
}
