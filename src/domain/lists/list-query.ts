import { AppError } from '../errors.js';

export type SortDirection = 'asc' | 'desc';

export interface SortOrder {
  field: string;
  direction: SortDirection;
}

/** Inclusive-exclusive bounds on a timestamp: `after` < value < `before`. */
export interface DateRange {
  before?: string;
  after?: string;
}

/** A list request after parsing: both of Voucherify's paging styles share it. */
export interface ListQuery {
  limit: number;
  /** 1-based page for `page`/`limit` lists. */
  page: number;
  order: SortOrder;
  created_at?: DateRange;
  updated_at?: DateRange;
  /** Cursor for `starting_after_id` lists: rows that come after this id in `order`. */
  starting_after_id?: string;
}

export interface ListPage<T> {
  items: T[];
  total: number;
  has_more: boolean;
}

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 100;
/** Voucherify refuses deeper page numbers with `page_over_limit`; cursors reach further. */
export const MAX_PAGE = 1000;

/**
 * Reads Voucherify's `order` parameter (`created_at`, `-created_at`, ...), allowing only the
 * fields a list can sort by.
 */
export function parseSortOrder(raw: string | undefined, allowed: readonly string[], fallback: SortOrder): SortOrder {
  if (raw === undefined || raw === '') return fallback;
  const direction: SortDirection = raw.startsWith('-') ? 'desc' : 'asc';
  const field = raw.replace(/^[-+]/, '');
  if (!allowed.includes(field)) {
    throw new AppError('invalid_query_params', {
      details: `Cannot order by "${field}"; allowed: ${allowed.flatMap((f) => [f, `-${f}`]).join(', ')}`,
    });
  }
  return { field, direction };
}

export function checkPage(page: number): number {
  if (page > MAX_PAGE) {
    throw new AppError('page_over_limit', {
      details: `page must not exceed ${MAX_PAGE}; use a date filter to narrow the list`,
    });
  }
  return page;
}
