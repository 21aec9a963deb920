import { Type } from 'typebox';
import { AppError } from '../../domain/errors.js';
import {
  checkPage,
  DEFAULT_LIMIT,
  type ListQuery,
  MAX_LIMIT,
  parseSortOrder,
  type SortOrder,
} from '../../domain/lists/list-query.js';

const DateBound = Type.String({ description: 'ISO-8601 date or date-time' });
const DateRangeQuery = Type.Object({ before: Type.Optional(DateBound), after: Type.Optional(DateBound) });

/** Query parameters shared by page-style lists. */
export const PageQueryFields = {
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: MAX_LIMIT, description: `1..${MAX_LIMIT}, default ${DEFAULT_LIMIT}` }),
  ),
  page: Type.Optional(Type.Integer({ minimum: 1, description: 'Page number, from 1' })),
  order: Type.Optional(Type.String({ maxLength: 50, description: 'A field to sort by; prefix with - for descending' })),
  created_at: Type.Optional(DateRangeQuery),
  updated_at: Type.Optional(DateRangeQuery),
};

/** Query parameters of cursor-style lists. */
export const CursorQueryFields = {
  limit: PageQueryFields.limit,
  order: PageQueryFields.order,
  starting_after_id: Type.Optional(Type.String({ maxLength: 200 })),
};

interface RawListQuery {
  limit?: number;
  page?: number;
  order?: string;
  created_at?: { before?: string; after?: string };
  updated_at?: { before?: string; after?: string };
  starting_after_id?: string;
}

function normalizeDate(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new AppError('invalid_query_params', { details: `${name} must be an ISO-8601 date, got "${value}"` });
  }
  return date.toISOString();
}

/**
 * The page asked for. A route whose schema declares `page` hands a checked number; one that pages
 * by cursor does not, and a `page` sent anyway arrives as raw text: it is checked here, not trusted.
 */
function pageOf(raw: unknown): number {
  if (raw === undefined) return 1;
  const page = typeof raw === 'string' ? Number(raw) : raw;
  if (typeof page !== 'number' || !Number.isSafeInteger(page) || page < 1) {
    throw new AppError('invalid_query_params', { details: 'page must be a whole number from 1' });
  }
  return checkPage(page);
}

export interface ListOptions {
  sortFields: readonly string[];
  defaultOrder: SortOrder;
}

/** The validated query string of a list route, as the domain's ListQuery. */
export function toListQuery(raw: RawListQuery, options: ListOptions): ListQuery {
  const range = (r: RawListQuery['created_at'], name: string) =>
    r && { before: normalizeDate(r.before, `${name}[before]`), after: normalizeDate(r.after, `${name}[after]`) };
  return {
    limit: raw.limit ?? DEFAULT_LIMIT,
    page: pageOf(raw.page),
    order: parseSortOrder(raw.order, options.sortFields, options.defaultOrder),
    created_at: range(raw.created_at, 'created_at'),
    updated_at: range(raw.updated_at, 'updated_at'),
    starting_after_id: raw.starting_after_id,
  };
}
