/**
 * Times to the minute on a project's clock (its IANA timezone), as `datetime-local` inputs hold
 * them ("2026-03-01T16:30"), and the UTC instants the API keeps. Intl knows every zone's rules, so
 * no table of offsets is kept here.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** What a clock in `timeZone` shows at `instant`, as milliseconds read as if that clock were UTC. */
function wallClockAt(instant: number, timeZone: string): number {
  const part: Record<string, number> = {};
  for (const { type, value } of formatIn(timeZone).formatToParts(new Date(instant))) part[type] = Number(value);
  return Date.UTC(part.year ?? 1970, (part.month ?? 1) - 1, part.day, part.hour, part.minute, part.second);
}

/** The minute an instant shows on the zone's clock; empty for none. */
export function toZonedMinute(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '';
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return '';
  return new Date(wallClockAt(instant, timeZone)).toISOString().slice(0, 16);
}

/**
 * The UTC instant (ISO-8601) at which the zone's clock shows `minute`; null for none. The offset
 * read at the wall time is right except next to a change of offset, which a second pass settles;
 * a minute the clock skips (spring forward) lands on the instant just after the jump.
 */
export function fromZonedMinute(minute: string, timeZone: string): string | null {
  if (minute === '') return null;
  const wall = Date.parse(`${minute}:00.000Z`);
  if (Number.isNaN(wall)) return null;
  let instant = wall - (wallClockAt(wall, timeZone) - wall);
  instant = wall - (wallClockAt(instant, timeZone) - instant);
  return new Date(instant).toISOString();
}
