/** A value for every UTC day from `first` to `last` (YYYY-MM-DD, both included), so a chart has no gaps. */
export function everyDay<T extends { day: string }>(
  first: string,
  last: string,
  known: readonly T[],
  empty: (day: string) => T,
): T[] {
  const byDay = new Map(known.map((entry) => [entry.day, entry]));
  const series: T[] = [];
  const end = Date.parse(`${last}T00:00:00.000Z`);
  for (let time = Date.parse(`${first}T00:00:00.000Z`); time <= end; time += 86_400_000) {
    const day = new Date(time).toISOString().slice(0, 10);
    series.push(byDay.get(day) ?? empty(day));
  }
  return series;
}

/** The first UTC day of a window of `days` days that ends today. */
export function windowStart(now: Date, days: number): string {
  const today = Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00.000Z`);
  return new Date(today - (days - 1) * 86_400_000).toISOString().slice(0, 10);
}
