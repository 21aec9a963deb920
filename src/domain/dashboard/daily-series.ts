import { DateTime } from 'luxon';

/** One day on the project's calendar: its date and the instant (UTC, ISO-8601) it starts. */
export interface LocalDay {
  day: string;
  start: string;
}

/**
 * The `days` days on the wall clock of `timezone` that end with today, oldest first, each with the
 * instant it starts, so redemptions are counted on the day the shop saw them. A day is not always
 * 24 hours: across a DST change it starts at the local midnight all the same. A zone the runtime
 * does not know counts as UTC, as everywhere else in Vouch.
 */
export function localDays(now: Date, days: number, timezone: string): LocalDay[] {
  let today = DateTime.fromJSDate(now, { zone: timezone });
  if (!today.isValid) today = DateTime.fromJSDate(now, { zone: 'UTC' });
  const midnight = today.startOf('day');
  return Array.from({ length: days }, (_, index) => {
    const start = midnight.minus({ days: days - 1 - index });
    return { day: start.toISODate() as string, start: start.toUTC().toISO() as string };
  });
}

/** A value for each of `days`, in their order, so a chart has no gaps. */
export function everyDay<T extends { day: string }>(
  days: readonly LocalDay[],
  known: readonly T[],
  empty: (day: string) => T,
): T[] {
  const byDay = new Map(known.map((entry) => [entry.day, entry]));
  return days.map(({ day }) => byDay.get(day) ?? empty(day));
}
