/**
 * Voucherify's date operators relative to now: `$less_than_ago: [30]` holds for a date less than
 * 30 days ago. Days are counted from the instant for the "than" operators and by UTC calendar
 * day for `$is_days_ago`/`$is_days_in_future`. A missing date matches none of them.
 *
 * Each operator holds on an interval of instants whose bounds only move forward as time passes,
 * which is what lets a sweep find the few dates whose verdict may have changed (changeWindows).
 */
export const RELATIVE_DATE_OPERATORS = [
  '$less_than_ago',
  '$more_than_ago',
  '$is_days_ago',
  '$less_than_future',
  '$more_than_future',
  '$is_days_in_future',
] as const;

export type RelativeDateOperator = (typeof RELATIVE_DATE_OPERATORS)[number];

export interface RelativeDateCondition {
  operator: RelativeDateOperator;
  /** Whole days, 0 or more. */
  days: number;
}

/** About 270 years: far past any birthdate, and date arithmetic stays in range. */
export const MAX_RELATIVE_DAYS = 100_000;

export const DAY_MS = 86_400_000;

/** Instants in ms; a missing bound is unbounded. `from` is included, `to` excluded. */
export interface InstantInterval {
  from: number | null;
  to: number | null;
}

export function isRelativeDateOperator(operator: string): operator is RelativeDateOperator {
  return (RELATIVE_DATE_OPERATORS as readonly string[]).includes(operator);
}

function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** The instants at which the condition holds when the time is `now`. */
export function relativeDateInterval({ operator, days }: RelativeDateCondition, now: number): InstantInterval {
  const span = days * DAY_MS;
  switch (operator) {
    case '$less_than_ago':
      return { from: now - span + 1, to: now + 1 };
    case '$more_than_ago':
      return { from: null, to: now - span };
    case '$is_days_ago': {
      const from = startOfUtcDay(now) - span;
      return { from, to: from + DAY_MS };
    }
    case '$less_than_future':
      return { from: now, to: now + span };
    case '$more_than_future':
      return { from: now + span + 1, to: null };
    case '$is_days_in_future': {
      const from = startOfUtcDay(now) + span;
      return { from, to: from + DAY_MS };
    }
  }
}

/** Whether a date (ISO-8601 text; null or unparsable is unknown) satisfies the condition at `now`. */
export function holdsRelativeDate(condition: RelativeDateCondition, value: string | null, now: Date): boolean {
  const at = value === null ? Number.NaN : Date.parse(value);
  if (Number.isNaN(at)) return false;
  const { from, to } = relativeDateInterval(condition, now.getTime());
  return (from === null || at >= from) && (to === null || at < to);
}

/** Inclusive bounds in ms: the dates to look at again. */
export interface ChangeWindow {
  from: number;
  to: number;
}

/**
 * The dates whose verdict may differ between `since` and `now`: as both bounds of the interval
 * only move forward, a date changes verdict only if one bound passed over it. Empty when no time
 * passed. The windows are as wide as the time elapsed, not as the interval.
 */
export function changeWindows(condition: RelativeDateCondition, since: Date, now: Date): ChangeWindow[] {
  if (now.getTime() <= since.getTime()) return [];
  const before = relativeDateInterval(condition, since.getTime());
  const after = relativeDateInterval(condition, now.getTime());
  const windows: ChangeWindow[] = [];
  if (before.from !== null && after.from !== null) windows.push({ from: before.from, to: after.from });
  if (before.to !== null && after.to !== null) windows.push({ from: before.to, to: after.to });
  return mergeWindows(windows);
}

/** Overlapping or touching windows as one, in order. */
export function mergeWindows(windows: readonly ChangeWindow[]): ChangeWindow[] {
  const sorted = [...windows].sort((a, b) => a.from - b.from);
  const merged: ChangeWindow[] = [];
  for (const window of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && window.from <= last.to + 1) last.to = Math.max(last.to, window.to);
    else merged.push({ ...window });
  }
  return merged;
}
