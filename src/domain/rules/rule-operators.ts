/**
 * The condition operators of Voucherify's validation rules that Vouch evaluates, as data: the
 * dashboard renders the labels, the parser checks values by `arity` and the value kind each rule
 * type gives an operator (see rule-catalog.ts), the messages use `phrase`.
 */

import { FILTER_OPERATORS } from '../filters/filter.js';

export const RULE_OPERATORS = [
  // The list filters' operators mean the same in rules; rules add relative dates and item counts.
  ...FILTER_OPERATORS,
  '$is_days_ago',
  '$more_than_ago',
  '$less_than_ago',
  '$is_days_in_future',
  '$more_than_future',
  '$less_than_future',
  '$count',
  '$count_more',
  '$count_less',
] as const;

export type RuleOperator = (typeof RULE_OPERATORS)[number];

/**
 * Other spellings of the same operators: Voucherify's filter schemas write `$more_than_equal`, and
 * the official validation-rule examples write `$greater_than_or_equal`.
 */
export const RULE_OPERATOR_ALIASES: Readonly<Record<string, RuleOperator>> = {
  $more_than_equal: '$more_than_or_equal',
  $less_than_equal: '$less_than_or_equal',
  $greater_than: '$more_than',
  $greater_than_or_equal: '$more_than_or_equal',
  $greater_than_equal: '$more_than_or_equal',
};

/** Operators Voucherify defines that Vouch does not evaluate: refused with a message that says so. */
export const UNSUPPORTED_RULE_OPERATORS: ReadonlySet<string> = new Set([
  '$in_location',
  '$timeframe',
  '$timeframe_absolute',
  '$timeframe_daily_hours',
  '$dow',
  '$not_differ',
  '$not_intersect',
  '$from',
]);

/** How many values an operator takes: none (presence), exactly one, or a non-empty list. */
export type OperatorArity = 'none' | 'one' | 'many';

export interface RuleOperatorSpec {
  operator: RuleOperator;
  label: string;
  arity: OperatorArity;
  /** Completes "<subject> must …" in default failure messages; `{value}` stands for the values. */
  phrase: string;
}

function spec(operator: RuleOperator, label: string, arity: OperatorArity, phrase: string): RuleOperatorSpec {
  return { operator, label, arity, phrase };
}

export const RULE_OPERATOR_SPECS: Readonly<Record<RuleOperator, RuleOperatorSpec>> = {
  $is: spec('$is', 'is', 'many', 'be {value}'),
  $is_not: spec('$is_not', 'is not', 'many', 'not be {value}'),
  $in: spec('$in', 'is any of', 'many', 'be one of {value}'),
  $not_in: spec('$not_in', 'is none of', 'many', 'be none of {value}'),
  $more_than: spec('$more_than', 'more than', 'one', 'be more than {value}'),
  $more_than_or_equal: spec('$more_than_or_equal', 'at least', 'one', 'be at least {value}'),
  $less_than: spec('$less_than', 'less than', 'one', 'be less than {value}'),
  $less_than_or_equal: spec('$less_than_or_equal', 'at most', 'one', 'be at most {value}'),
  $starts_with: spec('$starts_with', 'starts with', 'one', 'start with {value}'),
  $ends_with: spec('$ends_with', 'ends with', 'one', 'end with {value}'),
  $contains: spec('$contains', 'contains', 'one', 'contain {value}'),
  $not_contain: spec('$not_contain', 'does not contain', 'one', 'not contain {value}'),
  $is_unknown: spec('$is_unknown', 'is unknown', 'none', 'be unknown'),
  $has_value: spec('$has_value', 'has any value', 'none', 'have a value'),
  $after: spec('$after', 'is after', 'one', 'be after {value}'),
  $before: spec('$before', 'is before', 'one', 'be before {value}'),
  $is_days_ago: spec('$is_days_ago', 'is exactly N days ago', 'one', 'be exactly {value} days ago'),
  $more_than_ago: spec('$more_than_ago', 'is more than N days ago', 'one', 'be more than {value} days ago'),
  $less_than_ago: spec('$less_than_ago', 'is less than N days ago', 'one', 'be less than {value} days ago'),
  $is_days_in_future: spec('$is_days_in_future', 'is exactly N days ahead', 'one', 'be exactly {value} days ahead'),
  $more_than_future: spec('$more_than_future', 'is more than N days ahead', 'one', 'be more than {value} days ahead'),
  $less_than_future: spec('$less_than_future', 'is less than N days ahead', 'one', 'be less than {value} days ahead'),
  $count: spec('$count', 'has exactly N elements', 'one', 'have exactly {value} elements'),
  $count_more: spec('$count_more', 'has more than N elements', 'one', 'have more than {value} elements'),
  $count_less: spec('$count_less', 'has fewer than N elements', 'one', 'have fewer than {value} elements'),
};

export function isRuleOperator(value: string): value is RuleOperator {
  return Object.hasOwn(RULE_OPERATOR_SPECS, value);
}

/** The operator a spelling stands for, or undefined when it is not one Vouch knows. */
export function canonicalOperator(spelling: string): RuleOperator | undefined {
  if (isRuleOperator(spelling)) return spelling;
  return Object.hasOwn(RULE_OPERATOR_ALIASES, spelling) ? RULE_OPERATOR_ALIASES[spelling] : undefined;
}

/** Operator groups, shared by the rule types that take them. */
export const EQUALITY_OPERATORS = ['$is', '$is_not', '$in', '$not_in'] as const satisfies readonly RuleOperator[];
export const ORDERING_OPERATORS = [
  '$more_than',
  '$more_than_or_equal',
  '$less_than',
  '$less_than_or_equal',
] as const satisfies readonly RuleOperator[];
export const TEXT_OPERATORS = [
  '$starts_with',
  '$ends_with',
  '$contains',
  '$not_contain',
] as const satisfies readonly RuleOperator[];
export const PRESENCE_OPERATORS = ['$is_unknown', '$has_value'] as const satisfies readonly RuleOperator[];
export const DATE_OPERATORS = ['$after', '$before'] as const satisfies readonly RuleOperator[];
export const RELATIVE_DAY_OPERATORS = [
  '$is_days_ago',
  '$more_than_ago',
  '$less_than_ago',
  '$is_days_in_future',
  '$more_than_future',
  '$less_than_future',
] as const satisfies readonly RuleOperator[];
export const COUNT_OPERATORS = ['$count', '$count_more', '$count_less'] as const satisfies readonly RuleOperator[];
