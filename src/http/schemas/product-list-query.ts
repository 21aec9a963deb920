import { Type } from 'typebox';
import type { CreatedAtBounds } from '../../app/repositories/product-repository.js';
import type { ListQuery } from '../../domain/lists/list-query.js';
import { PageQueryFields, toListQuery } from './list-query.js';

/** The query of `GET /products` and `GET /products/{id}/skus`: pages, order and the spec's date bounds. */
export const ProductListQuery = Type.Object({
  ...PageQueryFields,
  start_date: Type.Optional(Type.String({ format: 'date-time', description: 'Created at or after' })),
  end_date: Type.Optional(Type.String({ format: 'date-time', description: 'Created at or before' })),
});

interface RawProductListQuery {
  limit?: number;
  page?: number;
  order?: string;
  created_at?: { before?: string; after?: string };
  updated_at?: { before?: string; after?: string };
  start_date?: string;
  end_date?: string;
}

/**
 * The list query and `created_at` bounds. Voucherify's own examples list products and SKUs oldest
 * first, so that is the default order.
 */
export function toProductListQuery(
  raw: RawProductListQuery,
  sortFields: readonly string[],
): { query: ListQuery; bounds: CreatedAtBounds } {
  const { start_date: start, end_date: end, ...paging } = raw;
  const query = toListQuery(paging, { sortFields, defaultOrder: { field: 'created_at', direction: 'asc' } });
  const bounds: CreatedAtBounds = {
    ...(start !== undefined ? { start_date: new Date(start).toISOString() } : {}),
    ...(end !== undefined ? { end_date: new Date(end).toISOString() } : {}),
  };
  return { query, bounds };
}
