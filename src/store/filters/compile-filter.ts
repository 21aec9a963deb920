import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type {
  FilterClause,
  FilterCondition,
  FilterTarget,
  FilterValue,
  ParsedFilter,
} from '../../domain/filters/filter.js';
import type { DialectCapabilities } from '../dialects/capabilities.js';

/** For each field of the filter's catalog, the column that holds it (a metadata field: its JSON text column). */
export type FilterColumns = Readonly<Record<string, string>>;

type Condition = RawBuilder<SqlBool>;
// biome-ignore lint/suspicious/noExplicitAny: operands are typed by the SQL they build, not by Kysely.
type Operand = RawBuilder<any>;

/**
 * How one field reads in SQL. Every expression may be NULL; `known` never is. Conditions wrap
 * what they build in `coalesce(..., false)`, so a NULL never reaches a NOT and three-valued
 * logic cannot turn an unknown value into a match.
 */
interface FieldSql {
  known: Condition;
  /** The value when it is text, else NULL. */
  text: Operand;
  /** The value when it is a number (or, for dates, the ISO-8601 text, which sorts as time), else NULL. */
  ordered: Operand;
  /** Equal to one of the values (never empty); a list compiles to IN, so long lists stay shallow. */
  equalsAny(values: FilterValue[]): Condition;
}

const FALSE = sql<SqlBool>`false`;
const TRUE = sql<SqlBool>`true`;

function asNumber(value: FilterValue): Operand {
  return sql`cast(${Number(value)} as double precision)`;
}

function plainField(column: string, type: 'string' | 'number' | 'date'): FieldSql {
  const ref = sql.ref(column);
  return {
    known: sql<SqlBool>`(${ref} is not null)`,
    text: type === 'string' ? ref : sql`null`,
    ordered: type === 'string' ? sql`null` : ref,
    equalsAny: (values) => {
      const list = values.map((value) => (type === 'number' ? asNumber(value) : sql`${String(value)}`));
      return sql<SqlBool>`(${ref} in (${sql.join(list)}))`;
    },
  };
}

function metadataField(column: string, key: string, capabilities: DialectCapabilities): FieldSql {
  const ref = sql.ref<string | null>(column);
  const type = capabilities.jsonType(ref, key);
  const text = capabilities.jsonText(ref, key);
  const number = capabilities.jsonNumber(ref, key);
  return {
    known: sql<SqlBool>`coalesce(${type} <> 'null', false)`,
    text: sql`(case when ${type} = 'string' then ${text} end)`,
    ordered: number,
    equalsAny: (values) => {
      const strings = values.filter((value): value is string => typeof value === 'string');
      const numbers = values.filter((value): value is number => typeof value === 'number');
      // SQLite reads a JSON boolean as 1/0, PostgreSQL as true/false.
      const booleans = values
        .filter((value): value is boolean => typeof value === 'boolean')
        .flatMap((value) => (value ? ['true', '1'] : ['false', '0']));
      const parts: Condition[] = [];
      if (strings.length > 0) {
        parts.push(sql<SqlBool>`(${type} = 'string' and ${text} in (${sql.join(strings)}))`);
      }
      if (numbers.length > 0) parts.push(sql<SqlBool>`(${number} in (${sql.join(numbers.map(asNumber))}))`);
      if (booleans.length > 0) {
        parts.push(sql<SqlBool>`(${type} = 'boolean' and ${text} in (${sql.join(booleans.map((b) => sql.lit(b)))}))`);
      }
      return any(parts);
    },
  };
}

function fieldSql(target: FilterTarget, columns: FilterColumns, capabilities: DialectCapabilities): FieldSql {
  const column = columns[target.name];
  if (column === undefined) throw new Error(`no column for filter field ${target.name}`);
  return target.kind === 'metadata' ? metadataField(column, target.key, capabilities) : plainField(column, target.type);
}

function any(conditions: Condition[]): Condition {
  return conditions.length === 0 ? FALSE : sql<SqlBool>`(${sql.join(conditions, sql` or `)})`;
}

function all(conditions: Condition[]): Condition {
  return conditions.length === 0 ? TRUE : sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;
}

function definitely(condition: Condition): Condition {
  return sql<SqlBool>`coalesce(${condition}, false)`;
}

/** Code points, as SQL's length() and substr() count them (JavaScript counts UTF-16 units). */
function lengthOf(text: string): Operand {
  return sql`cast(${[...text].length} as integer)`;
}

function containsText(field: FieldSql, needle: string): Condition {
  // replace() is spelled alike on both databases, unlike instr()/strpos(), and LIKE ignores case on SQLite.
  return definitely(sql<SqlBool>`(replace(${field.text}, ${needle}, '') <> ${field.text})`);
}

function compileCondition(field: FieldSql, { operator, values }: FilterCondition): Condition {
  const first = values[0] as FilterValue;
  const ordered = (comparison: string) => {
    const bound = typeof first === 'number' ? asNumber(first) : sql`${first}`;
    return definitely(sql<SqlBool>`(${field.ordered} ${sql.raw(comparison)} ${bound})`);
  };
  switch (operator) {
    case '$is_unknown':
      return sql<SqlBool>`(not ${field.known})`;
    case '$has_value':
      return field.known;
    case '$is':
    case '$in':
      return definitely(field.equalsAny(values));
    case '$is_not':
    case '$not_in':
      return all([field.known, sql<SqlBool>`(not ${definitely(field.equalsAny(values))})`]);
    case '$more_than':
    case '$after':
      return ordered('>');
    case '$more_than_or_equal':
      return ordered('>=');
    case '$less_than':
    case '$before':
      return ordered('<');
    case '$less_than_or_equal':
      return ordered('<=');
    case '$starts_with': {
      const needle = String(first);
      return definitely(sql<SqlBool>`(substr(${field.text}, 1, ${lengthOf(needle)}) = ${needle})`);
    }
    case '$ends_with': {
      const needle = String(first);
      const length = lengthOf(needle);
      return definitely(
        sql<SqlBool>`(length(${field.text}) >= ${length} and substr(${field.text}, length(${field.text}) - ${length} + 1) = ${needle})`,
      );
    }
    case '$contains':
      return containsText(field, String(first));
    case '$not_contain':
      return all([field.known, sql<SqlBool>`(not ${containsText(field, String(first))})`]);
  }
}

function compileClause(clause: FilterClause, columns: FilterColumns, capabilities: DialectCapabilities): Condition {
  const field = fieldSql(clause.target, columns, capabilities);
  return all(clause.conditions.map((condition) => compileCondition(field, condition)));
}

/**
 * A parsed filter as one SQL condition over the given columns, with the meaning matchesFilter
 * gives it in memory (see domain/filters/filter.ts); a property test holds the two together.
 */
export function compileFilter(
  filter: ParsedFilter,
  columns: FilterColumns,
  capabilities: DialectCapabilities,
): RawBuilder<SqlBool> {
  if (filter.clauses.length === 0) return TRUE;
  const clauses = filter.clauses.map((clause) => compileClause(clause, columns, capabilities));
  return filter.junction === 'and' ? all(clauses) : any(clauses);
}
