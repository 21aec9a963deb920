import { DateTime, Duration } from 'luxon';
import { invalidPayload } from '../errors.js';
import type { DailyHours, ValidityHours, ValidityRules, ValidityTimeframe } from './validity.js';

export const MAX_DAILY_WINDOWS = 50;
const MAX_DATE_TEXT = 64;
const MAX_DURATION_TEXT = 64;
/** Longer periods are typing mistakes, and luxon's arithmetic stays exact well inside this. */
const MAX_DURATION_YEARS = 100;
const ALL_DAYS = [0, 1, 2, 3, 4, 5, 6];
const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

function fail(path: string, problem: string): never {
  throw invalidPayload(`Property ${path} ${problem}`);
}

/**
 * The validity fields a client sent, checked and normalized: dates become UTC ISO-8601 with
 * milliseconds, a daily window without `days_of_week` holds every day. Only the fields present in
 * `raw` are returned (an explicit null clears), so an update changes just what it names.
 * `propertyPrefix` (`''`, `'.voucher'`) makes error details name the full property path.
 */
export function parseValidityRules(
  raw: Readonly<Record<string, unknown>>,
  propertyPrefix: string,
): Partial<ValidityRules> {
  const rules: Partial<ValidityRules> = {};
  const path = (key: string): string => `${propertyPrefix}.${key}`;
  if (raw.start_date !== undefined) rules.start_date = readNullable(raw.start_date, path('start_date'), readDate);
  if (raw.expiration_date !== undefined) {
    rules.expiration_date = readNullable(raw.expiration_date, path('expiration_date'), readDate);
  }
  if (rules.start_date && rules.expiration_date && Date.parse(rules.expiration_date) < Date.parse(rules.start_date)) {
    fail(path('expiration_date'), 'should not be before start_date');
  }
  if (raw.validity_timeframe !== undefined) {
    rules.validity_timeframe = readNullable(raw.validity_timeframe, path('validity_timeframe'), readTimeframe);
  }
  if (raw.validity_day_of_week !== undefined) {
    rules.validity_day_of_week = readNullable(raw.validity_day_of_week, path('validity_day_of_week'), readDays);
  }
  if (raw.validity_hours !== undefined) {
    rules.validity_hours = readNullable(raw.validity_hours, path('validity_hours'), readHours);
  }
  return rules;
}

/**
 * What must hold of the rules in force after merging a change with what is stored (and the
 * campaign's rules), which parsing one request cannot see: an update naming only the expiration
 * date may put it before the stored start. Voucherify also requires a start date with a
 * timeframe, since the timeframe is counted from it.
 */
export function assertMergedValidity(
  rules: Pick<ValidityRules, 'start_date' | 'expiration_date' | 'validity_timeframe'>,
  propertyPrefix: string,
): void {
  const { start_date: start, expiration_date: expiration } = rules;
  if (start && expiration && Date.parse(expiration) < Date.parse(start)) {
    fail(`${propertyPrefix}.expiration_date`, 'should not be before start_date');
  }
  if (rules.validity_timeframe !== null && start === null) {
    fail(`${propertyPrefix}.start_date`, 'is required when validity_timeframe is set');
  }
}

function readNullable<T>(value: unknown, path: string, read: (value: unknown, path: string) => T): T | null {
  return value === null ? null : read(value, path);
}

function readObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'should be an object');
  return value as Record<string, unknown>;
}

function requireKeys(input: Record<string, unknown>, keys: readonly string[], path: string): void {
  for (const key of keys) {
    if (input[key] === undefined || input[key] === null) fail(path, `should have required property '${key}'`);
  }
}

/** An ISO-8601 date or date-time; one without an offset is read as UTC, as Voucherify stores dates. */
function readDate(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length > MAX_DATE_TEXT) fail(path, 'should be an ISO 8601 date-time');
  const parsed = DateTime.fromISO(value, { zone: 'utc' });
  if (!parsed.isValid || parsed.year < 1970 || parsed.year > 9999) fail(path, 'should be an ISO 8601 date-time');
  return parsed.toUTC().toISO();
}

function readDuration(value: unknown, path: string): Duration {
  if (typeof value !== 'string' || value.length > MAX_DURATION_TEXT) {
    fail(path, 'should be an ISO 8601 duration such as PT1H or P2D');
  }
  const duration = Duration.fromISO(value);
  if (!duration.isValid) fail(path, 'should be an ISO 8601 duration such as PT1H or P2D');
  const parts = Object.values(duration.toObject());
  if (parts.some((part) => part < 0) || !(duration.as('milliseconds') > 0)) fail(path, 'should be a positive duration');
  if (duration.as('years') > MAX_DURATION_YEARS) fail(path, `should not be longer than ${MAX_DURATION_YEARS} years`);
  return duration;
}

function readTimeframe(value: unknown, path: string): ValidityTimeframe {
  const input = readObject(value, path);
  requireKeys(input, ['interval', 'duration'], path);
  const interval = readDuration(input.interval, `${path}.interval`);
  const duration = readDuration(input.duration, `${path}.duration`);
  if (duration.as('milliseconds') > interval.as('milliseconds')) {
    fail(`${path}.duration`, 'should not be longer than interval');
  }
  return { interval: input.interval as string, duration: input.duration as string };
}

/** Week days 0 (Sunday) to 6 (Saturday); a repeated day is kept once. */
function readDays(value: unknown, path: string): number[] {
  if (!Array.isArray(value)) fail(path, 'should be an array');
  const days: number[] = [];
  value.forEach((day: unknown, index) => {
    if (typeof day !== 'number' || !Number.isInteger(day) || day < 0 || day > 6) {
      fail(`${path}[${index}]`, 'should be an integer from 0 (Sunday) to 6 (Saturday)');
    }
    if (!days.includes(day)) days.push(day);
  });
  return days;
}

function readHours(value: unknown, path: string): ValidityHours {
  const input = readObject(value, path);
  if (input.daily === undefined || input.daily === null) return { daily: [] };
  if (!Array.isArray(input.daily)) fail(`${path}.daily`, 'should be an array');
  if (input.daily.length > MAX_DAILY_WINDOWS) {
    fail(`${path}.daily`, `should not have more than ${MAX_DAILY_WINDOWS} items`);
  }
  return { daily: input.daily.map((window: unknown, index) => readDailyWindow(window, `${path}.daily[${index}]`)) };
}

/**
 * One `HH:mm` window. An expiration_time before start_time runs past midnight (22:00–02:00); equal
 * times are refused, since they could mean either nothing or the whole day.
 */
function readDailyWindow(value: unknown, path: string): DailyHours {
  const input = readObject(value, path);
  requireKeys(input, ['start_time', 'expiration_time'], path);
  const startTime = readTime(input.start_time, `${path}.start_time`);
  const expirationTime = readTime(input.expiration_time, `${path}.expiration_time`);
  if (startTime === expirationTime) fail(`${path}.expiration_time`, 'should differ from start_time');
  let days = [...ALL_DAYS];
  if (input.days_of_week !== undefined && input.days_of_week !== null) {
    days = readDays(input.days_of_week, `${path}.days_of_week`);
    if (days.length === 0) fail(`${path}.days_of_week`, 'should have at least 1 item');
  }
  return { start_time: startTime, expiration_time: expirationTime, days_of_week: days };
}

function readTime(value: unknown, path: string): string {
  if (typeof value !== 'string' || !TIME_OF_DAY.test(value)) fail(path, 'should be a time of day in HH:mm format');
  return value;
}
