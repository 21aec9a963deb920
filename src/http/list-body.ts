import type { ListPage } from '../domain/lists/list-query.js';

export interface ListBodyOptions {
  /** Page-style lists count every match; cursor lists leave the count out. Default true. */
  total?: boolean;
  /** Cursor lists (and some page lists) say whether more follow. Default false. */
  hasMore?: boolean;
}

export interface CursorOptions<R> {
  /** Cursor lists name where the next page starts: the id of the page's last item. */
  cursor: (item: R) => string;
}

export type ListBody<K extends string, T> = {
  object: 'list';
  data_ref: K;
  total?: number;
  has_more?: boolean;
  more_starting_after?: string | null;
} & { [P in K]: T[] };

/**
 * Voucherify's list wrapper: `{object: "list", data_ref, <data_ref>: [...]}` with `total`,
 * `has_more` and `more_starting_after` as the list's paging style has them.
 */
export function listBody<const K extends string, R, T>(
  dataRef: K,
  page: ListPage<R>,
  present: (item: R) => T,
  options: ListBodyOptions & Partial<CursorOptions<R>> = {},
): ListBody<K, T> {
  const { total = true, hasMore = false, cursor } = options;
  const last = page.items.at(-1);
  return {
    object: 'list',
    data_ref: dataRef,
    [dataRef]: page.items.map(present),
    ...(total ? { total: page.total } : {}),
    ...(hasMore || cursor ? { has_more: page.has_more } : {}),
    ...(cursor ? { more_starting_after: page.has_more && last !== undefined ? cursor(last) : null } : {}),
  } as ListBody<K, T>;
}
