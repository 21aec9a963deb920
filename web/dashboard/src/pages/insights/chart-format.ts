const longDay = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
const shortDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

function toUtcDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/**
 * A calendar day (`2026-11-26`) as "26 Nov 2026". The server names days on the project's
 * calendar; read as UTC midnights, they are shown as the same dates wherever the browser is.
 */
export function formatDay(day: string): string {
  const date = toUtcDate(day);
  return Number.isNaN(date.getTime()) ? day : longDay.format(date);
}

/** A calendar day as "26 Nov", for the chart's axis. */
export function formatShortDay(day: string): string {
  const date = toUtcDate(day);
  return Number.isNaN(date.getTime()) ? day : shortDay.format(date);
}

export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/**
 * The top of a chart's scale: the largest value rounded up to 1, 2 or 4 times a power of ten, so
 * the grid lines at half and full height fall on round numbers. A chart of zeros still gets a scale.
 */
export function computeScaleTop(largest: number): number {
  if (largest <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(largest));
  const step = [1, 2, 4, 10].find((factor) => factor * power >= largest) ?? 10;
  const top = step * power;
  // Counts are whole: a top of 1 would put the half line at 0.5.
  return Math.max(top, 2);
}
