import { changeWindows, mergeWindows } from './relative-date.js';
import type { SegmentFilter } from './segment-filter.js';

/** Where a date a segment filter reads is stored, so a sweep can find customers by it with one range query. */
export type DateSource =
  | { kind: 'customer'; column: 'created_at' | 'updated_at' | 'birthdate' | 'birthday' }
  /** `summary.orders.last_order_date`: the newest of the customer's orders. */
  | { kind: 'orders' }
  /** `events.<name>.last_at`: the newest of the customer's events of that name. */
  | { kind: 'event'; event: string };

/** Customers to evaluate again: those with a date of `source` from `from` to `to` (ISO-8601, inclusive). */
export interface SweepWindow {
  source: DateSource;
  from: string;
  to: string;
}

const CUSTOMER_COLUMNS = ['created_at', 'updated_at', 'birthdate', 'birthday'] as const;

/** The store of a date field; undefined for a field that is not a date a segment may filter on. */
export function dateSourceOf(field: string): DateSource | undefined {
  const column = CUSTOMER_COLUMNS.find((name) => name === field);
  if (column !== undefined) return { kind: 'customer', column };
  if (field === 'summary.orders.last_order_date') return { kind: 'orders' };
  const match = /^events\.(.+)\.last_at$/.exec(field);
  return match?.[1] !== undefined ? { kind: 'event', event: match[1] } : undefined;
}

function sourceKey(source: DateSource): string {
  if (source.kind === 'customer') return `customer:${source.column}`;
  return source.kind === 'orders' ? 'orders' : `event:${source.event}`;
}

/** Beyond what Date can show, a window is cut to the representable range: no stored date lies there. */
const MIN_MS = Date.parse('0001-01-01T00:00:00.000Z');
const MAX_MS = Date.parse('9999-12-31T23:59:59.999Z');

function isoOf(ms: number): string {
  return new Date(Math.min(MAX_MS, Math.max(MIN_MS, ms))).toISOString();
}

/**
 * The ranges of dates to look at again so that every customer whose membership of these filters
 * changed between `since` and `now` with nothing else changing is found: a verdict changes with
 * time only through a relative-date condition, and that only for a date one of its bounds passed.
 * A customer may lie in several windows; windows of one source are merged.
 */
export function planSweep(filters: readonly { filter: SegmentFilter; since: Date }[], now: Date): SweepWindow[] {
  const bySource = new Map<string, { source: DateSource; windows: { from: number; to: number }[] }>();
  for (const { filter, since } of filters) {
    for (const clause of filter.clauses) {
      const source = dateSourceOf(clause.field);
      if (source === undefined) continue;
      const key = sourceKey(source);
      const entry = bySource.get(key) ?? { source, windows: [] };
      for (const condition of clause.relative) entry.windows.push(...changeWindows(condition, since, now));
      bySource.set(key, entry);
    }
  }
  return [...bySource.values()].flatMap(({ source, windows }) =>
    mergeWindows(windows).map((window) => ({ source, from: isoOf(window.from), to: isoOf(window.to) })),
  );
}
