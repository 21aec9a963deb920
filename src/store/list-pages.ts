import { type SelectQueryBuilder, sql } from 'kysely';
import { AppError } from '../domain/errors.js';
import type { DateRange, ListPage, ListQuery } from '../domain/lists/list-query.js';

export interface PageOptions {
  /** Maps each sortable field name of the API to its column. */
  sortColumns: Readonly<Record<string, string>>;
  /** The id column, the tie-breaker that makes the order total and cursors exact. */
  idColumn?: string;
  /** Cursor lists (`starting_after_id`) report `has_more` only; counting them would cost a scan. */
  countTotal?: boolean;
  /**
   * The column `updated_at` filters on; `null` for rows that are never updated (publications, ledger
   * entries, events), where such a filter is refused rather than run against a column that is not there.
   */
  updatedAtColumn?: string | null;
}

// biome-ignore lint/suspicious/noExplicitAny: the helper serves every table's select query.
type AnySelect<O> = SelectQueryBuilder<any, any, O>;

function applyRange<O>(query: AnySelect<O>, column: string, range: DateRange | undefined): AnySelect<O> {
  let next = query;
  if (range?.after !== undefined) next = next.where(sql.ref(column), '>', range.after);
  if (range?.before !== undefined) next = next.where(sql.ref(column), '<', range.before);
  return next;
}

/**
 * Runs one page of a list: the date filters, a total order (sort column, then id), and either
 * `page`/`limit` offsets or a `starting_after_id` cursor. `base` holds the table, the project
 * scope and any list-specific filters.
 */
export async function fetchPage<O>(base: AnySelect<O>, query: ListQuery, options: PageOptions): Promise<ListPage<O>> {
  const idColumn = options.idColumn ?? 'id';
  const sortColumn = options.sortColumns[query.order.field];
  if (sortColumn === undefined) throw new Error(`list cannot sort by ${query.order.field}`);
  const direction = query.order.direction;

  let filtered = applyRange(base, 'created_at', query.created_at);
  const updatedAtColumn = options.updatedAtColumn === undefined ? 'updated_at' : options.updatedAtColumn;
  if (updatedAtColumn !== null) filtered = applyRange(filtered, updatedAtColumn, query.updated_at);
  else if (query.updated_at?.after !== undefined || query.updated_at?.before !== undefined) {
    throw new AppError('invalid_query_params', {
      details: 'this list holds objects that are never updated: filter by created_at instead of updated_at',
    });
  }

  let page = filtered;
  if (query.starting_after_id !== undefined) {
    const anchor = await filtered
      .clearSelect()
      .select(sql<string | number>`${sql.ref(sortColumn)}`.as('sort_value'))
      .where(sql.ref(idColumn), '=', query.starting_after_id)
      .executeTakeFirst();
    if (anchor === undefined) {
      throw new AppError('invalid_query_params', {
        details: `starting_after_id ${query.starting_after_id} is not in this list`,
      });
    }
    const after = direction === 'asc' ? '>' : '<';
    const value = (anchor as { sort_value: string | number }).sort_value;
    page = page.where((eb) =>
      eb.or([
        eb(sql.ref(sortColumn), after, value),
        eb.and([eb(sql.ref(sortColumn), '=', value), eb(sql.ref(idColumn), after, query.starting_after_id)]),
      ]),
    );
  } else {
    page = page.offset((query.page - 1) * query.limit);
  }

  const rows = await page
    .orderBy(sql.ref(sortColumn), direction)
    .orderBy(sql.ref(idColumn), direction)
    .limit(query.limit + 1)
    .execute();

  const hasMore = rows.length > query.limit;
  const items = hasMore ? rows.slice(0, query.limit) : rows;
  let total = items.length;
  if (options.countTotal !== false) {
    const counted = await filtered.clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    total = Number((counted as { n: number }).n);
  }
  return { items, total, has_more: hasMore };
}
