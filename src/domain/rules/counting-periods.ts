import { DateTime } from 'luxon';

/** Where today and this month began on the project's wall clock, as UTC instants (ISO-8601). */
export interface CountingPeriods {
  dayStart: string;
  monthStart: string;
}

/**
 * The periods `redemption.count.daily` and `.monthly` count in: a shop in Warsaw means its own
 * midnight, not UTC's. A zone the runtime does not know counts in UTC.
 */
export function countingPeriodsAt(now: Date, timezone: string): CountingPeriods {
  const zoned = DateTime.fromJSDate(now, { zone: timezone });
  const local = zoned.isValid ? zoned : DateTime.fromJSDate(now, { zone: 'utc' });
  return {
    dayStart: local.startOf('day').toUTC().toISO() as string,
    monthStart: local.startOf('month').toUTC().toISO() as string,
  };
}
