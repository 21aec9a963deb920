/** The periods the monitoring offers, in days back from today (in the project's timezone). */
export const PERIODS = [7, 30, 90] as const;
export type Period = (typeof PERIODS)[number];
export const DEFAULT_PERIOD: Period = 30;

/** A `days` query value as one of the offered periods, else the default. */
export function readPeriod(value: string | null): Period {
  return PERIODS.find((period) => String(period) === value) ?? DEFAULT_PERIOD;
}

export function describePeriod(period: Period): string {
  return `last ${period} days`;
}

export function PeriodSelect({ value, onChange }: { value: Period; onChange: (period: Period) => void }) {
  return (
    <label className="period-select">
      <span>Period</span>
      <select value={value} onChange={(event) => onChange(readPeriod(event.target.value))}>
        {PERIODS.map((period) => (
          <option key={period} value={period}>
            Last {period} days
          </option>
        ))}
      </select>
    </label>
  );
}
