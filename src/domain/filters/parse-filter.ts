import { AppError } from '../errors.js';
import {
  FILTER_OPERATOR_ALIASES,
  FILTER_OPERATORS,
  type FilterClause,
  type FilterCondition,
  type FilterFieldCatalog,
  type FilterFieldType,
  type FilterOperator,
  type FilterTarget,
  type FilterValue,
  type ParsedFilter,
} from './filter.js';

export const MAX_FILTER_FIELDS = 50;
/** Values in one filter, all operators together: each is a bound parameter of one SQL query. */
export const MAX_FILTER_VALUES = 1000;
export const MAX_FILTER_TEXT = 1000;
export const MAX_METADATA_KEY = 200;

export interface ParseFilterOptions {
  /** `invalid_payload` for a body's `filter`, `invalid_query_params` for a query's `filters`. */
  errorKey?: 'invalid_payload' | 'invalid_query_params';
  /** How the error details name the filter: `filter` or `filters`. */
  label?: string;
}

/** What an operator's values must be on a field of some type. */
type ValueKind = 'string' | 'number' | 'date' | 'scalar';

const VALUELESS = new Set<FilterOperator>(['$is_unknown', '$has_value']);
const MULTI_VALUE = new Set<FilterOperator>(['$in', '$not_in']);
const EQUALITY = ['$is', '$is_not', '$in', '$not_in'] as const;
const ORDERING = ['$more_than', '$more_than_or_equal', '$less_than', '$less_than_or_equal'] as const;
const TEXT_MATCH = ['$starts_with', '$ends_with', '$contains', '$not_contain'] as const;
const PRESENCE = ['$is_unknown', '$has_value'] as const;

function kinds(operators: readonly FilterOperator[], kind: ValueKind): [FilterOperator, ValueKind][] {
  return operators.map((operator) => [operator, kind]);
}

/** For each field type, the operators it takes and what their values must be. */
const OPERATORS_BY_TYPE: Record<FilterFieldType, ReadonlyMap<FilterOperator, ValueKind>> = {
  string: new Map([...kinds(EQUALITY, 'string'), ...kinds(TEXT_MATCH, 'string'), ...kinds(PRESENCE, 'string')]),
  number: new Map([...kinds(EQUALITY, 'number'), ...kinds(ORDERING, 'number'), ...kinds(PRESENCE, 'number')]),
  date: new Map([...kinds(['$after', '$before'], 'date'), ...kinds(PRESENCE, 'date')]),
  metadata: new Map([
    ...kinds(EQUALITY, 'scalar'),
    ...kinds(ORDERING, 'number'),
    ...kinds(TEXT_MATCH, 'string'),
    ...kinds(PRESENCE, 'scalar'),
  ]),
};

const NUMERIC_TEXT = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Keys are read by JSON path on SQLite, where quotes, backslashes and control characters would need escapes. */
function isSafeMetadataKey(key: string): boolean {
  return key !== '' && key.length <= MAX_METADATA_KEY && [...key].every((c) => c >= ' ' && c !== '"' && c !== '\\');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

class FilterParser {
  private readonly errorKey: 'invalid_payload' | 'invalid_query_params';
  private readonly label: string;
  private valueCount = 0;

  constructor(
    private readonly catalog: FilterFieldCatalog,
    options: ParseFilterOptions,
  ) {
    this.errorKey = options.errorKey ?? 'invalid_payload';
    this.label = options.label ?? 'filter';
  }

  fail(path: string, problem: string): never {
    throw new AppError(this.errorKey, { details: `${this.label}${path}: ${problem}` });
  }

  parse(raw: unknown): ParsedFilter {
    if (!isPlainObject(raw)) this.fail('', `must be an object, got ${describe(raw)}`);
    const { junction, ...fields } = raw;
    const names = Object.keys(fields);
    if (names.length > MAX_FILTER_FIELDS) this.fail('', `names ${names.length} fields; at most ${MAX_FILTER_FIELDS}`);
    return {
      junction: this.parseJunction(junction),
      clauses: names.map((name) => this.parseClause(name, fields[name])),
    };
  }

  private parseJunction(raw: unknown): 'and' | 'or' {
    if (raw === undefined || raw === null) return 'and';
    const junction = typeof raw === 'string' ? raw.toLowerCase() : undefined;
    if (junction === 'and' || junction === 'or') return junction;
    return this.fail('.junction', `must be "and" or "or", got ${describe(raw)}`);
  }

  private parseTarget(name: string): FilterTarget {
    const type = Object.hasOwn(this.catalog, name) ? this.catalog[name] : undefined;
    if (type !== undefined && type !== 'metadata') return { kind: 'field', name, type };
    if (type === 'metadata') this.fail(`.${name}`, `name a key of it, as in "${name}.color"`);
    const dot = name.indexOf('.');
    const parent = dot > 0 ? name.slice(0, dot) : '';
    if (dot > 0 && Object.hasOwn(this.catalog, parent) && this.catalog[parent] === 'metadata') {
      const key = name.slice(dot + 1);
      if (!isSafeMetadataKey(key)) {
        this.fail(
          `.${name}`,
          `a metadata key must be 1 to ${MAX_METADATA_KEY} characters without quotes, backslashes or control characters`,
        );
      }
      return { kind: 'metadata', name: parent, key };
    }
    return this.fail(`.${describe(name).slice(1, -1)}`, `unknown field; allowed: ${this.allowedFields()}`);
  }

  private allowedFields(): string {
    return Object.entries(this.catalog)
      .map(([name, type]) => (type === 'metadata' ? `${name}.<key>` : name))
      .join(', ');
  }

  private parseClause(name: string, raw: unknown): FilterClause {
    const target = this.parseTarget(name);
    const path = `.${name}`;
    if (!isPlainObject(raw)) this.fail(path, `must be an object with "conditions", got ${describe(raw)}`);
    const extra = Object.keys(raw).filter((key) => key !== 'conditions');
    if (extra.length > 0) this.fail(path, `may hold only "conditions", not ${describe(extra[0])}`);
    const conditions = raw.conditions;
    if (!isPlainObject(conditions) || Object.keys(conditions).length === 0) {
      this.fail(`${path}.conditions`, `must be an object with at least one operator, got ${describe(conditions)}`);
    }
    const type = target.kind === 'metadata' ? 'metadata' : target.type;
    return {
      field: name,
      target,
      conditions: Object.entries(conditions).map(([operator, values]) =>
        this.parseCondition(`${path}.conditions`, type, operator, values),
      ),
    };
  }

  private parseCondition(path: string, type: FilterFieldType, rawOperator: string, raw: unknown): FilterCondition {
    const operator = FILTER_OPERATOR_ALIASES[rawOperator] ?? rawOperator;
    const allowed = OPERATORS_BY_TYPE[type];
    const kind = (FILTER_OPERATORS as readonly string[]).includes(operator)
      ? allowed.get(operator as FilterOperator)
      : undefined;
    if (kind === undefined) {
      const known = (FILTER_OPERATORS as readonly string[]).includes(operator) || rawOperator !== operator;
      this.fail(
        `${path}.${describe(rawOperator).slice(1, -1)}`,
        `${known ? `does not apply to ${type} fields` : 'unknown operator'}; allowed: ${[...allowed.keys()].join(', ')}`,
      );
    }
    const op = operator as FilterOperator;
    const at = `${path}.${rawOperator}`;
    if (VALUELESS.has(op)) return { operator: op, values: [] };
    const list = Array.isArray(raw) ? raw : [raw];
    this.valueCount += list.length;
    if (this.valueCount > MAX_FILTER_VALUES) this.fail('', `holds more than ${MAX_FILTER_VALUES} values in all`);
    if (MULTI_VALUE.has(op)) {
      if (list.length === 0 || list.length > MAX_FILTER_VALUES) {
        this.fail(at, `takes 1 to ${MAX_FILTER_VALUES} values, got ${list.length}`);
      }
    } else if (list.length !== 1) {
      this.fail(at, `takes exactly one value, got ${list.length}`);
    }
    return { operator: op, values: list.map((value, i) => this.parseValue(`${at}[${i}]`, kind, value, op)) };
  }

  private parseValue(path: string, kind: ValueKind, raw: unknown, operator: FilterOperator): FilterValue {
    if (typeof raw === 'string' && raw.length > MAX_FILTER_TEXT) {
      this.fail(path, `is longer than ${MAX_FILTER_TEXT} characters`);
    }
    switch (kind) {
      case 'string':
        if (typeof raw !== 'string') return this.fail(path, `expected a string, got ${describe(raw)}`);
        // An empty needle would match every text; say so rather than guess what was meant.
        if (raw === '' && (TEXT_MATCH as readonly string[]).includes(operator)) {
          return this.fail(path, `${operator} needs a non-empty string`);
        }
        return raw;
      case 'number':
        return this.parseNumber(path, raw);
      case 'date':
        return this.parseDate(path, raw);
      case 'scalar':
        if (typeof raw === 'string' || typeof raw === 'boolean') return raw;
        if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
        return this.fail(path, `expected a string, number or boolean, got ${describe(raw)}`);
    }
  }

  private parseNumber(path: string, raw: unknown): number {
    // Query strings carry numbers as text.
    const value = typeof raw === 'string' && NUMERIC_TEXT.test(raw) ? Number(raw) : raw;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    return this.fail(path, `expected a number, got ${describe(raw)}`);
  }

  private parseDate(path: string, raw: unknown): string {
    const date = typeof raw === 'string' && ISO_DATE.test(raw) ? new Date(raw) : undefined;
    const year = date?.getUTCFullYear();
    if (date === undefined || year === undefined || Number.isNaN(year) || year < 1 || year > 9999) {
      return this.fail(path, `expected an ISO-8601 date, got ${describe(raw)}`);
    }
    return date.toISOString();
  }
}

/**
 * Validates a Voucherify `filter` object against the fields a resource allows and returns its
 * parsed form; anything wrong is refused with a 400 whose details name the bad part.
 */
export function parseFilter(raw: unknown, catalog: FilterFieldCatalog, options: ParseFilterOptions = {}): ParsedFilter {
  return new FilterParser(catalog, options).parse(raw);
}

/** The filter as stored and echoed: the client's object with the junction spelled out. */
export function normalizeFilterObject(raw: Record<string, unknown>, parsed: ParsedFilter): Record<string, unknown> {
  const { junction, ...fields } = raw;
  return { junction: typeof junction === 'string' ? junction : parsed.junction, ...fields };
}
