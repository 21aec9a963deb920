import { DateTime, Duration } from 'luxon';

/** The validity a code takes from its publication, under `activity_duration_after_publishing`. */
export interface PublishedValidity {
  start_date: string;
  expiration_date: string;
}

/**
 * A campaign's `activity_duration_after_publishing` (ISO-8601, such as P24D or PT12H) starts a
 * code's validity when it is handed out: from `now` for that long, months and years counted on
 * the calendar (P1M from 31 January ends on the last day of February). Null when the campaign
 * has none, or the duration cannot be read (campaigns check it when stored, so only old rows).
 */
export function publishedValidity(duration: string | null, now: Date): PublishedValidity | null {
  if (duration === null) return null;
  const parsed = Duration.fromISO(duration);
  if (!parsed.isValid || !(parsed.as('milliseconds') > 0)) return null;
  const start = DateTime.fromJSDate(now, { zone: 'utc' });
  return {
    start_date: now.toISOString(),
    expiration_date: start.plus(parsed).toJSDate().toISOString(),
  };
}
