import { DateTime } from 'luxon';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;
const MS_PER_DAY = 86_400_000;

function parse(text: string, zone: string): DateTime | null {
  if (!ISO_DATE.test(text) && !ISO_DATE_TIME.test(text)) return null;
  const date = DateTime.fromISO(text.replace(' ', 'T'), { zone });
  return date.isValid && date.year >= 1 && date.year <= 9999 ? date : null;
}

/** Whether a text is an ISO-8601 date or date-time Vouch compares. */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && parse(value, 'utc') !== null;
}

/** The instant a date names in milliseconds; a date or time without an offset is read as UTC. */
export function instantOf(value: unknown): number | null {
  return typeof value === 'string' ? (parse(value, 'utc')?.toMillis() ?? null) : null;
}

/**
 * The calendar day a date falls on in the project's zone, as a day number (days since
 * 1970-01-01). A bare date is that day wherever the project is; a date-time is placed on the
 * project's wall clock (one without an offset is UTC). A zone the runtime does not know reads as UTC.
 */
export function localDayOf(value: unknown, zone: string): number | null {
  if (typeof value !== 'string') return null;
  if (ISO_DATE.test(value)) {
    const date = parse(value, 'utc');
    return date ? Math.round(date.toMillis() / MS_PER_DAY) : null;
  }
  const instant = parse(value, 'utc');
  if (!instant) return null;
  const zoned = instant.setZone(zone);
  const local = zoned.isValid ? zoned : instant;
  return Math.round(Date.UTC(local.year, local.month - 1, local.day) / MS_PER_DAY);
}
