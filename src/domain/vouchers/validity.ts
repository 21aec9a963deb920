/** `validity_timeframe`: active for `duration` every `interval`, counted from the start date (ISO-8601 durations). */
export interface ValidityTimeframe {
  interval: string;
  duration: string;
}

/** One daily window, `HH:mm` to `HH:mm` on the given week days (0 = Sunday). */
export interface DailyHours {
  start_time: string;
  expiration_time: string;
  days_of_week: number[];
}

export interface ValidityHours {
  daily: DailyHours[];
}

/** When a voucher (or campaign) may be used. Absent parts do not restrict. */
export interface ValidityRules {
  start_date: string | null;
  expiration_date: string | null;
  validity_timeframe: ValidityTimeframe | null;
  validity_day_of_week: number[] | null;
  validity_hours: ValidityHours | null;
}
