/**
 * Voucherify's `filters` objects (auto-update collections, segments, list queries) after
 * parsing: one clause per field, each with the conditions on that field.
 *
 * Meaning, shared by the in-memory matcher and the SQL compiler:
 * - Clauses combine by the filter's junction (`and` by default); the conditions inside one clause
 *   always combine with `and`, so `price: {$more_than: [100], $less_than: [500]}` is a range.
 * - A missing or null value is unknown: only `$is_unknown` matches it. Every other operator,
 *   the negative ones too (`$is_not`, `$not_in`, `$not_contain`), needs a known value.
 * - Strings compare case-sensitively, numbers as numbers, dates as instants.
 * - A metadata value compares by the type of the filter value: `"5"` matches the text "5", `5`
 *   the number 5, `true` the boolean true; a value of another type is known but never equal.
 */

export type FilterFieldType = 'string' | 'number' | 'date' | 'metadata';

/**
 * The fields a filter may name, with their types. A field of type `metadata` (named `metadata`)
 * allows `metadata.<key>` for any key.
 */
export type FilterFieldCatalog = Readonly<Record<string, FilterFieldType>>;

export const FILTER_OPERATORS = [
  '$is',
  '$is_not',
  '$in',
  '$not_in',
  '$more_than',
  '$more_than_or_equal',
  '$less_than',
  '$less_than_or_equal',
  '$starts_with',
  '$ends_with',
  '$contains',
  '$not_contain',
  '$is_unknown',
  '$has_value',
  '$after',
  '$before',
] as const;

export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** Other spellings Voucherify's schemas use for the same operators. */
export const FILTER_OPERATOR_ALIASES: Readonly<Record<string, FilterOperator>> = {
  $more_than_equal: '$more_than_or_equal',
  $less_than_equal: '$less_than_or_equal',
};

export type FilterValue = string | number | boolean;

/** What a clause reads: a plain field, or one key of a metadata field (`metadata.color`). */
export type FilterTarget =
  | { kind: 'field'; name: string; type: Exclude<FilterFieldType, 'metadata'> }
  | { kind: 'metadata'; name: string; key: string };

export interface FilterCondition {
  operator: FilterOperator;
  /** Empty for `$is_unknown`/`$has_value`; one value for single-value operators; dates as ISO-8601 with ms. */
  values: FilterValue[];
}

export interface FilterClause {
  /** The field as the filter names it: `price`, `metadata.color`. */
  field: string;
  target: FilterTarget;
  conditions: FilterCondition[];
}

export interface ParsedFilter {
  junction: 'and' | 'or';
  clauses: FilterClause[];
}
