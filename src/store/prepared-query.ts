import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import { registerHotStatement } from './dialects/named-statements.js';
import type { Database } from './tables.js';

/** Stands in for one value while a prepared query is built: its place in the compiled parameters is noted. */
class ValueMarker {
  constructor(
    readonly argument: number,
    /** The element of an array argument (an `in` list) or the field of a row argument; absent for a plain value. */
    readonly part?: number | string,
  ) {}
}

interface CompiledTemplate {
  readonly query: CompiledQuery;
  /** Per compiled parameter: where its value comes from, or the constant the builder put there. */
  readonly sources: readonly (ValueMarker | { constant: unknown })[];
}

/** Array arguments of distinct lengths compile to distinct SQL; past this many shapes a query is compiled per call. */
const MAX_SHAPES_PER_QUERY = 32;

type Value = string | number | bigint | boolean | null;
/**
 * A value; an `in` list; or a row to insert (its fields set to undefined are left out, as Kysely
 * does). A row is any object: table interfaces have no index signature to type its fields by.
 */
type Argument = Value | readonly Value[] | object;
type RowArgument = Record<string, unknown>;

/** Only a plain object is a row: a Date or a Kysely expression is not a set of columns. */
function isRow(argument: Argument): argument is RowArgument {
  if (typeof argument !== 'object' || argument === null || Array.isArray(argument)) return false;
  const prototype = Object.getPrototypeOf(argument);
  return prototype === Object.prototype || prototype === null;
}

/** The fields of a row argument that take part in the query. */
function definedFields(row: RowArgument): string[] {
  return Object.keys(row).filter((key) => row[key] !== undefined);
}

/**
 * A value the drivers bind as it is. An object here (a Date, or a `sql` expression in a row)
 * would be bound as a parameter, or compiled in once for good: a programming error, said at once.
 */
function checkBindable(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Buffer.isBuffer(value)) {
    throw new Error('A prepared query was given an object where a value goes (a Date, or a SQL expression)');
  }
  return value;
}

function shapeOf(argument: Argument): string {
  if (Array.isArray(argument)) return String(argument.length);
  if (isRow(argument)) return definedFields(argument).join(' ');
  return '.';
}

function markersFor(argument: Argument, index: number): ValueMarker | ValueMarker[] | Record<string, ValueMarker> {
  if (Array.isArray(argument)) return argument.map((_, j) => new ValueMarker(index, j));
  if (isRow(argument)) {
    return Object.fromEntries(definedFields(argument).map((key) => [key, new ValueMarker(index, key)]));
  }
  return new ValueMarker(index);
}

/**
 * A query on a hot path (validate, redeem), built and compiled by Kysely once per dialect and
 * list length, then run many times with new values.
 *
 * Kysely rebuilds and recompiles every query it runs: on the routes a checkout calls that costs
 * as much CPU as SQLite takes to run the query. Here `build` is called once with markers in
 * place of its arguments; the compiled SQL is kept with the positions the markers took among the
 * parameters, and each run binds its arguments there and executes the kept SQL. `build` must use
 * its arguments only as values (never to choose the query's shape), which the type allows: they
 * are plain values, an array argument is an `in` list (one compiled shape per length), and an
 * object argument is a row to insert (one shape per set of fields). Anything else `build` uses is
 * compiled in for good: the project's id, for one, must be an argument.
 * On PostgreSQL the kept SQL also runs as a named prepared statement (named-statements.ts).
 */
export class PreparedQuery<Args extends readonly Argument[], Row> {
  // Keyed by the dialect's adapter, which a Kysely instance shares with all its transactions.
  private readonly templates = new WeakMap<object, Map<string, CompiledTemplate>>();

  constructor(private readonly build: (db: Kysely<Database>, ...args: Args) => Compilable<Row>) {}

  /** The rows the query returns (for a write without `returning`, none). */
  async rows(db: Kysely<Database>, ...args: Args): Promise<Row[]> {
    const result = await db.executeQuery<Row>(this.bind(db, args));
    return result.rows;
  }

  async first(db: Kysely<Database>, ...args: Args): Promise<Row | undefined> {
    return (await this.rows(db, ...args))[0];
  }

  /** How many rows an insert, update or delete touched. */
  async affected(db: Kysely<Database>, ...args: Args): Promise<number> {
    const result = await db.executeQuery<Row>(this.bind(db, args));
    return Number(result.numAffectedRows ?? 0n);
  }

  private bind(db: Kysely<Database>, args: Args): CompiledQuery<Row> {
    const template = this.template(db, args);
    if (!template) return this.build(db, ...args).compile();
    const parameters = template.sources.map((source) => {
      if (!(source instanceof ValueMarker)) return source.constant;
      const value = args[source.argument];
      return checkBindable(
        source.part === undefined ? value : (value as Record<string | number, unknown>)[source.part],
      );
    });
    return { ...template.query, parameters } as CompiledQuery<Row>;
  }

  private template(db: Kysely<Database>, args: Args): CompiledTemplate | undefined {
    const adapter = db.getExecutor().adapter;
    let shapes = this.templates.get(adapter);
    if (!shapes) {
      shapes = new Map();
      this.templates.set(adapter, shapes);
    }
    const shape = args.map(shapeOf).join('|');
    const known = shapes.get(shape);
    if (known || shapes.size >= MAX_SHAPES_PER_QUERY) return known;
    const markers = args.map(markersFor) as unknown as Args;
    const query = this.build(db, ...markers).compile();
    const sources = query.parameters.map((parameter) =>
      parameter instanceof ValueMarker ? parameter : { constant: parameter },
    );
    const placed = new Set(sources.filter((source) => source instanceof ValueMarker));
    const made = (markers as unknown as ReturnType<typeof markersFor>[]).flatMap((m) =>
      m instanceof ValueMarker ? [m] : Object.values(m),
    );
    // A marker Kysely did not pass through as a parameter was used to shape the SQL: refuse to cache that.
    if (made.some((marker) => !placed.has(marker))) {
      throw new Error('A prepared query used an argument outside a value position');
    }
    registerHotStatement(query.sql);
    const template = { query, sources };
    shapes.set(shape, template);
    return template;
  }
}
