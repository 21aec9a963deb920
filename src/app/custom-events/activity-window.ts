import type { DateRange, SortDirection } from '../../domain/lists/list-query.js';

/** The time filters of Voucherify's activity lists, as ISO timestamps with milliseconds. */
export interface ActivityWindow {
  /** Inclusive. */
  start_date?: string;
  /** Inclusive. */
  end_date?: string;
  /** The legacy `created_at` cursor: activities strictly after it in the list's order. */
  starting_after?: string;
}

function shiftMs(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

function later(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a > b ? a : b;
}

function earlier(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a < b ? a : b;
}

/**
 * The window as the exclusive range lists filter `created_at` by. Stored timestamps have
 * millisecond precision, so an inclusive bound is the exclusive one a millisecond further out; a
 * `starting_after` cursor narrows the side the list moves towards.
 */
export function toCreatedAtRange(window: ActivityWindow, direction: SortDirection): DateRange | undefined {
  let after = window.start_date === undefined ? undefined : shiftMs(window.start_date, -1);
  let before = window.end_date === undefined ? undefined : shiftMs(window.end_date, 1);
  if (window.starting_after !== undefined) {
    if (direction === 'desc') before = earlier(before, window.starting_after);
    else after = later(after, window.starting_after);
  }
  if (after === undefined && before === undefined) return undefined;
  return { ...(after === undefined ? {} : { after }), ...(before === undefined ? {} : { before }) };
}
