import { type CursorKey, cursorKeyOf, encodeCursor, isAfterCursor } from './qualification-cursor.js';
import type { QualifiedRedeemable, SortingRule } from './qualified-redeemable.js';

/** The spec's `options.limit`: at most 50 a page, 5 when unset. */
export const MAX_QUALIFICATION_LIMIT = 50;
export const DEFAULT_QUALIFICATION_LIMIT = 5;

export interface RedeemablesPage<T> {
  data: T[];
  has_more: boolean;
  /** The cursor for the next page; null on the last one. */
  more_starting_after: string | null;
}

/**
 * Where the page starts in the sorted list. Newest first, that is after every redeemable at or
 * before the cursor. Sorted by deal, the cursor names the last redeemable shown: the page starts
 * after it; if it no longer qualifies, with those created before it, in deal order.
 */
function restAfter<T extends QualifiedRedeemable>(sorted: readonly T[], cursor: CursorKey, rule: SortingRule): T[] {
  if (rule !== 'DEFAULT' && cursor.tie !== null) {
    const at = sorted.findIndex((r) => {
      const key = cursorKeyOf(r);
      return key.ms === cursor.ms && key.tie === cursor.tie;
    });
    if (at >= 0) return sorted.slice(at + 1);
  }
  if (rule !== 'DEFAULT' && cursor.tie === null) {
    const at = sorted.findIndex((r) => cursorKeyOf(r).ms === cursor.ms);
    const single = at >= 0 && sorted.findIndex((r, i) => i > at && cursorKeyOf(r).ms === cursor.ms) < 0;
    if (single) return sorted.slice(at + 1);
  }
  return sorted.filter((r) => isAfterCursor(cursorKeyOf(r), cursor));
}

/** Whether another redeemable of the list was created in the same millisecond as `redeemable`. */
function sharesMillisecond(list: readonly QualifiedRedeemable[], redeemable: QualifiedRedeemable): boolean {
  const ms = cursorKeyOf(redeemable).ms;
  return list.some((other) => other !== redeemable && cursorKeyOf(other).ms === ms);
}

/** One page of an already sorted list: `limit` redeemables after the cursor, and the cursor for the next. */
export function pageRedeemables<T extends QualifiedRedeemable>(
  sorted: readonly T[],
  options: { limit: number; cursor: CursorKey | null; rule: SortingRule },
): RedeemablesPage<T> {
  const rest = options.cursor ? restAfter(sorted, options.cursor, options.rule) : [...sorted];
  const data = rest.slice(0, options.limit);
  const last = data.at(-1);
  const hasMore = rest.length > data.length;
  return {
    data,
    has_more: hasMore,
    more_starting_after: hasMore && last ? encodeCursor(cursorKeyOf(last), sharesMillisecond(sorted, last)) : null,
  };
}
