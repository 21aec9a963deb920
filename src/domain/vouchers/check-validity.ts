import { DateTime, Duration } from 'luxon';
import type { DailyHours, ValidityRules, ValidityTimeframe } from './validity.js';

export type ValidityRefusal = 'voucher_not_active' | 'voucher_expired' | 'voucher_not_active_now';

const MINUTES_PER_DAY = 24 * 60;

/**
 * Why the rules refuse a use at `now`, or null when they allow it. Dates are instants; week days
 * and daily hours are read on the wall clock of `timezone` (an IANA name), so a 17:00 happy hour
 * stays at 17:00 local time across DST changes. Absent or empty parts do not restrict.
 */
export function checkValidity(rules: ValidityRules, now: Date, timezone: string): ValidityRefusal | null {
  const at = now.getTime();
  if (rules.start_date !== null && at < Date.parse(rules.start_date)) return 'voucher_not_active';
  if (rules.expiration_date !== null && at > Date.parse(rules.expiration_date)) return 'voucher_expired';

  const days = rules.validity_day_of_week;
  const daily = rules.validity_hours?.daily ?? [];
  const timeframe = rules.validity_timeframe;
  if ((days === null || days.length === 0) && daily.length === 0 && timeframe === null) return null;

  const local = localTime(at, timezone);
  if (timeframe !== null && !isInTimeframe(timeframe, rules.start_date, local)) return 'voucher_not_active_now';
  if (days !== null && days.length > 0 && !days.includes(weekDayOf(local))) return 'voucher_not_active_now';
  if (daily.length > 0 && !daily.some((window) => isInDailyWindow(window, local))) return 'voucher_not_active_now';
  return null;
}

/** The instant on the project's wall clock; a zone the runtime does not know reads as UTC. */
function localTime(at: number, timezone: string): DateTime {
  const local = DateTime.fromMillis(at, { zone: timezone });
  return local.isValid ? local : DateTime.fromMillis(at, { zone: 'UTC' });
}

/** 0 = Sunday .. 6 = Saturday, as Voucherify counts; luxon counts 1 = Monday .. 7 = Sunday. */
function weekDayOf(local: DateTime): number {
  return local.weekday % 7;
}

/**
 * `HH:mm` to `HH:mm`, start included and end excluded, so back-to-back windows (12:00–14:00,
 * 14:00–16:00) never overlap. A window whose end is before its start runs past midnight: it opens
 * on a listed day and closes the next morning, so 22:00–02:00 on Friday covers Saturday 01:00.
 */
function isInDailyWindow(window: DailyHours, local: DateTime): boolean {
  const minute = local.hour * 60 + local.minute;
  const start = minutesOf(window.start_time);
  const end = minutesOf(window.expiration_time);
  const today = weekDayOf(local);
  const listed = (day: number): boolean => window.days_of_week.length === 0 || window.days_of_week.includes(day);
  if (start < end) return listed(today) && minute >= start && minute < end;
  if (minute >= start) return listed(today);
  return minute < end && listed((today + 6) % 7);
}

function minutesOf(time: string): number {
  const [hours = '0', minutes = '0'] = time.split(':');
  return (Number(hours) * 60 + Number(minutes)) % MINUTES_PER_DAY;
}

/**
 * Active for `duration` at the start of every `interval`, counted from the start date. Calendar
 * units (days, months) are counted on the project's wall clock, so "PT1H every P1D" from 10:00
 * stays at 10:00 local time after a DST change. Voucherify requires a start date with a timeframe;
 * rules stored without one are counted from local midnight of 1970-01-01.
 */
function isInTimeframe(timeframe: ValidityTimeframe, startDate: string | null, local: DateTime): boolean {
  const interval = Duration.fromISO(timeframe.interval);
  const duration = Duration.fromISO(timeframe.duration);
  const intervalMillis = interval.as('milliseconds');
  if (!interval.isValid || !duration.isValid || !(intervalMillis > 0)) return true;
  const origin =
    startDate === null
      ? DateTime.fromObject({ year: 1970, month: 1, day: 1 }, { zone: local.zone })
      : DateTime.fromISO(startDate, { zone: local.zone });
  if (!origin.isValid || local < origin) return true;

  const periodStart = (index: number): DateTime => origin.plus(scaleDuration(interval, index));
  // The estimate uses luxon's casual month and year lengths; a few steps correct it.
  let index = Math.max(0, Math.floor((local.toMillis() - origin.toMillis()) / intervalMillis));
  while (index > 0 && periodStart(index) > local) index -= 1;
  while (periodStart(index + 1) <= local) index += 1;
  return local < periodStart(index).plus(duration);
}

function scaleDuration(duration: Duration, factor: number): Duration {
  return duration.mapUnits((value) => value * factor);
}
