import type { FilterClause, FilterCondition, FilterTarget, FilterValue, ParsedFilter } from './filter.js';

/** A value as the filter sees it; `unknown` stands for missing and null alike. */
type Known =
  | { type: 'unknown' }
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'other' };

const UNKNOWN: Known = { type: 'unknown' };

function ownValue(object: unknown, key: string): unknown {
  if (typeof object !== 'object' || object === null || Array.isArray(object)) return undefined;
  return Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}

/** A plain field may be a dotted path (`address.city`); a metadata key is one key, dots and all. */
function readTarget(object: Record<string, unknown>, target: FilterTarget): unknown {
  if (target.kind === 'metadata') return ownValue(ownValue(object, target.name), target.key);
  return target.name.split('.').reduce<unknown>((current, part) => ownValue(current, part), object);
}

function classify(value: unknown, target: FilterTarget): Known {
  if (value === undefined || value === null) return UNKNOWN;
  if (target.kind === 'field') {
    if (target.type === 'number') return typeof value === 'number' ? { type: 'number', value } : UNKNOWN;
    if (target.type === 'date') {
      const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
      return Number.isNaN(time) ? UNKNOWN : { type: 'number', value: time };
    }
    return typeof value === 'string' ? { type: 'string', value } : UNKNOWN;
  }
  if (typeof value === 'string') return { type: 'string', value };
  if (typeof value === 'number') return { type: 'number', value };
  if (typeof value === 'boolean') return { type: 'boolean', value };
  return { type: 'other' };
}

function equals(known: Known, expected: FilterValue): boolean {
  return known.type !== 'unknown' && known.type !== 'other' && known.value === expected;
}

function numberOf(known: Known): number | undefined {
  return known.type === 'number' ? known.value : undefined;
}

function textOf(known: Known): string | undefined {
  return known.type === 'string' ? known.value : undefined;
}

function hasText(text: string | undefined, test: (text: string) => boolean): boolean {
  return text !== undefined && test(text);
}

/** The condition on a known value; unknown values were settled by the caller. */
function holds(known: Known, { operator, values }: FilterCondition): boolean {
  const [first] = values;
  const number = numberOf(known);
  const text = textOf(known);
  const needle = String(first);
  switch (operator) {
    case '$is':
    case '$in':
      return values.some((value) => equals(known, value));
    case '$is_not':
    case '$not_in':
      return !values.some((value) => equals(known, value));
    case '$more_than':
      return number !== undefined && number > Number(first);
    case '$more_than_or_equal':
      return number !== undefined && number >= Number(first);
    case '$less_than':
      return number !== undefined && number < Number(first);
    case '$less_than_or_equal':
      return number !== undefined && number <= Number(first);
    case '$after':
      return number !== undefined && number > Date.parse(String(first));
    case '$before':
      return number !== undefined && number < Date.parse(String(first));
    case '$starts_with':
      return hasText(text, (t) => t.startsWith(needle));
    case '$ends_with':
      return hasText(text, (t) => t.endsWith(needle));
    case '$contains':
      return hasText(text, (t) => t.includes(needle));
    case '$not_contain':
      return !hasText(text, (t) => t.includes(needle));
    case '$has_value':
      return true;
    case '$is_unknown':
      return false;
  }
}

function matchesCondition(known: Known, condition: FilterCondition): boolean {
  if (known.type === 'unknown') return condition.operator === '$is_unknown';
  return holds(known, condition);
}

function matchesClause(object: Record<string, unknown>, clause: FilterClause): boolean {
  const known = classify(readTarget(object, clause.target), clause.target);
  return clause.conditions.every((condition) => matchesCondition(known, condition));
}

/**
 * Whether one object (a product, a customer) satisfies a parsed filter, evaluated in memory with
 * the same meaning the SQL compiler gives it (see filter.ts). A filter without clauses matches all.
 */
export function matchesFilter(filter: ParsedFilter, object: Record<string, unknown>): boolean {
  if (filter.clauses.length === 0) return true;
  return filter.junction === 'and'
    ? filter.clauses.every((clause) => matchesClause(object, clause))
    : filter.clauses.some((clause) => matchesClause(object, clause));
}
