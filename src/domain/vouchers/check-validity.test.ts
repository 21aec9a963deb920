import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkValidity, type ValidityRefusal } from './check-validity.js';
import type { DailyHours, ValidityRules } from './validity.js';

const NONE: ValidityRules = {
  start_date: null,
  expiration_date: null,
  validity_timeframe: null,
  validity_day_of_week: null,
  validity_hours: null,
};

function rules(changes: Partial<ValidityRules>): ValidityRules {
  return { ...NONE, ...changes };
}

function hours(...daily: DailyHours[]): Partial<ValidityRules> {
  return { validity_hours: { daily } };
}

const ALL_WEEK = [0, 1, 2, 3, 4, 5, 6];

/** The voucher NEW-WELCOME-COUPON from the Voucherify spec examples (2016-01-01 is a Friday). */
const DOCS_EXAMPLE = rules({
  start_date: '2016-01-01T00:00:00.000Z',
  expiration_date: '2022-12-31T23:59:59.000Z',
  validity_timeframe: { interval: 'P2D', duration: 'PT1H' },
  validity_day_of_week: [1, 2, 3, 4, 5],
});

interface Case {
  name: string;
  rules: ValidityRules;
  now: string;
  timezone?: string;
  expected: ValidityRefusal | null;
}

const cases: Case[] = [
  { name: 'no rules', rules: NONE, now: '2024-01-01T00:00:00Z', expected: null },
  {
    name: 'before the start date',
    rules: rules({ start_date: '2024-01-01T00:00:00.000Z' }),
    now: '2023-12-31T23:59:59.999Z',
    expected: 'voucher_not_active',
  },
  {
    name: 'at the start date',
    rules: rules({ start_date: '2024-01-01T00:00:00.000Z' }),
    now: '2024-01-01T00:00:00.000Z',
    expected: null,
  },
  {
    name: 'at the expiration date',
    rules: rules({ expiration_date: '2024-01-01T00:00:00.000Z' }),
    now: '2024-01-01T00:00:00.000Z',
    expected: null,
  },
  {
    name: 'after the expiration date',
    rules: rules({ expiration_date: '2024-01-01T00:00:00.000Z' }),
    now: '2024-01-01T00:00:00.001Z',
    expected: 'voucher_expired',
  },
  {
    name: 'expired wins over a closed window',
    rules: { ...DOCS_EXAMPLE },
    now: '2023-01-02T05:00:00Z',
    expected: 'voucher_expired',
  },
  // The docs example: one hour every other day from 2016-01-01, Monday to Friday.
  { name: 'docs: day 4, in the hour, Tuesday', rules: DOCS_EXAMPLE, now: '2016-01-05T00:30:00Z', expected: null },
  {
    name: 'docs: day 4, the hour is over',
    rules: DOCS_EXAMPLE,
    now: '2016-01-05T01:00:00Z',
    expected: 'voucher_not_active_now',
  },
  {
    name: 'docs: day 3 is an off day',
    rules: DOCS_EXAMPLE,
    now: '2016-01-04T00:30:00Z',
    expected: 'voucher_not_active_now',
  },
  {
    name: 'docs: day 2 is on, but a Sunday',
    rules: DOCS_EXAMPLE,
    now: '2016-01-03T00:30:00Z',
    expected: 'voucher_not_active_now',
  },
  {
    name: 'docs: years later, day 2,192',
    rules: DOCS_EXAMPLE,
    now: '2022-01-01T00:59:59Z',
    expected: 'voucher_not_active_now',
  },
  { name: 'docs: day 2,194, a Monday', rules: DOCS_EXAMPLE, now: '2022-01-03T00:59:59Z', expected: null },
  {
    name: 'timeframe counts calendar months, clamped to the month end',
    rules: rules({ start_date: '2024-01-31T00:00:00.000Z', validity_timeframe: { interval: 'P1M', duration: 'P1D' } }),
    now: '2024-02-29T12:00:00Z',
    expected: null,
  },
  {
    name: 'timeframe by months: back on the 31st in March',
    rules: rules({ start_date: '2024-01-31T00:00:00.000Z', validity_timeframe: { interval: 'P1M', duration: 'P1D' } }),
    now: '2024-03-30T12:00:00Z',
    expected: 'voucher_not_active_now',
  },
  {
    name: 'timeframe without a start date counts from local midnight of 1970-01-01',
    rules: rules({ validity_timeframe: { interval: 'P1D', duration: 'PT1H' } }),
    now: '2024-05-05T22:30:00Z',
    timezone: 'Europe/Warsaw',
    expected: null,
  },
  {
    name: 'week days are local: Sunday 00:30 in Warsaw is Saturday in UTC',
    rules: rules({ validity_day_of_week: [0] }),
    now: '2024-06-01T22:30:00Z',
    timezone: 'Europe/Warsaw',
    expected: null,
  },
  {
    name: 'week days in UTC for the same instant',
    rules: rules({ validity_day_of_week: [0] }),
    now: '2024-06-01T22:30:00Z',
    expected: 'voucher_not_active_now',
  },
  {
    name: 'an empty week-day list does not restrict',
    rules: rules({ validity_day_of_week: [] }),
    now: '2024-06-01T22:30:00Z',
    expected: null,
  },
  {
    name: 'an unknown time zone reads as UTC',
    rules: rules({ validity_day_of_week: [6] }),
    now: '2024-06-01T22:30:00Z',
    timezone: 'Mars/Olympus_Mons',
    expected: null,
  },
  // Happy hours 12:00–14:00 on weekdays, in Warsaw (CEST = UTC+2 in summer, CET = UTC+1 in winter).
  ...(
    [
      ['summer, 12:30 local', '2024-06-03T10:30:00Z', null],
      ['summer, 14:30 local', '2024-06-03T12:30:00Z', 'voucher_not_active_now'],
      ['winter, 12:30 local', '2024-01-08T11:30:00Z', null],
      ['winter, 11:30 local', '2024-01-08T10:30:00Z', 'voucher_not_active_now'],
      ['at 14:00 the window is closed', '2024-06-03T12:00:00Z', 'voucher_not_active_now'],
      ['at 12:00 the window is open', '2024-06-03T10:00:00Z', null],
      ['Saturday, 12:30 local', '2024-06-08T10:30:00Z', 'voucher_not_active_now'],
    ] as const
  ).map(
    ([name, now, expected]): Case => ({
      name: `happy hours in Warsaw: ${name}`,
      rules: rules(hours({ start_time: '12:00', expiration_time: '14:00', days_of_week: [1, 2, 3, 4, 5] })),
      now,
      timezone: 'Europe/Warsaw',
      expected,
    }),
  ),
  // 22:00–02:00 opening on Fridays (2024-06-07 is a Friday).
  ...(
    [
      ['Friday 23:00', '2024-06-07T23:00:00Z', null],
      ['Saturday 01:00 belongs to Friday night', '2024-06-08T01:00:00Z', null],
      ['Saturday 02:00 is closed', '2024-06-08T02:00:00Z', 'voucher_not_active_now'],
      ['Saturday 23:00 is not Friday night', '2024-06-08T23:00:00Z', 'voucher_not_active_now'],
      ['Friday 01:00 belongs to Thursday night', '2024-06-07T01:00:00Z', 'voucher_not_active_now'],
      ['Friday 21:59', '2024-06-07T21:59:00Z', 'voucher_not_active_now'],
    ] as const
  ).map(
    ([name, now, expected]): Case => ({
      name: `window past midnight: ${name}`,
      rules: rules(hours({ start_time: '22:00', expiration_time: '02:00', days_of_week: [5] })),
      now,
      expected,
    }),
  ),
  {
    name: 'any of several windows opens',
    rules: rules(
      hours(
        { start_time: '08:00', expiration_time: '09:00', days_of_week: ALL_WEEK },
        { start_time: '18:00', expiration_time: '19:00', days_of_week: ALL_WEEK },
      ),
    ),
    now: '2024-06-07T18:15:00Z',
    expected: null,
  },
  // Warsaw springs forward on 2024-03-31: 02:00 CET becomes 03:00 CEST.
  ...(
    [
      ['01:30 CET', '2024-03-31T00:30:00Z', null],
      ['03:30 CEST, an hour of wall clock skipped', '2024-03-31T01:30:00Z', null],
      ['04:30 CEST', '2024-03-31T02:30:00Z', 'voucher_not_active_now'],
    ] as const
  ).map(
    ([name, now, expected]): Case => ({
      name: `Warsaw DST start, window 01:00–04:00: ${name}`,
      rules: rules(hours({ start_time: '01:00', expiration_time: '04:00', days_of_week: ALL_WEEK })),
      now,
      timezone: 'Europe/Warsaw',
      expected,
    }),
  ),
  // An hour every day from 10:00 Warsaw time on 2024-03-30 stays at 10:00 local after the change.
  ...(
    [
      ['10:30 CEST the next day', '2024-03-31T08:30:00Z', null],
      ['24 hours after the start is 11:30 CEST', '2024-03-31T09:30:00Z', 'voucher_not_active_now'],
      ['10:30 CET on the first day', '2024-03-30T09:30:00Z', null],
    ] as const
  ).map(
    ([name, now, expected]): Case => ({
      name: `Warsaw DST start, daily timeframe: ${name}`,
      rules: rules({
        start_date: '2024-03-30T09:00:00.000Z',
        validity_timeframe: { interval: 'P1D', duration: 'PT1H' },
      }),
      now,
      timezone: 'Europe/Warsaw',
      expected,
    }),
  ),
  // New York falls back on 2024-11-03: 02:00 EDT becomes 01:00 EST, so 01:00–02:00 happens twice.
  ...(
    [
      ['01:30 EDT', '2024-11-03T05:30:00Z', null],
      ['01:30 EST, the repeated hour', '2024-11-03T06:30:00Z', null],
      ['02:30 EST', '2024-11-03T07:30:00Z', 'voucher_not_active_now'],
      ['00:30 EDT', '2024-11-03T04:30:00Z', 'voucher_not_active_now'],
    ] as const
  ).map(
    ([name, now, expected]): Case => ({
      name: `New York DST end, Sunday window 01:00–02:00: ${name}`,
      rules: rules(hours({ start_time: '01:00', expiration_time: '02:00', days_of_week: [0] })),
      now,
      timezone: 'America/New_York',
      expected,
    }),
  ),
  {
    name: 'New York: Saturday 23:00 EDT is Sunday in UTC',
    rules: rules({ validity_day_of_week: [0] }),
    now: '2024-11-03T03:00:00Z',
    timezone: 'America/New_York',
    expected: 'voucher_not_active_now',
  },
  {
    name: 'New York: a daily timeframe from 09:00 local stays at 09:00 EST after the change',
    rules: rules({ start_date: '2024-11-01T13:00:00.000Z', validity_timeframe: { interval: 'P1D', duration: 'PT1H' } }),
    now: '2024-11-04T14:30:00Z',
    timezone: 'America/New_York',
    expected: null,
  },
];

describe('checkValidity', () => {
  it.each(cases)('$name', ({ rules: given, now, timezone, expected }) => {
    expect(checkValidity(given, new Date(now), timezone ?? 'UTC')).toBe(expected);
  });

  it('in UTC, a timeframe of hours and days is open exactly when (now − start) mod interval < duration', () => {
    const hour = 3_600_000;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 * 365 * 24 }),
        fc.integer({ min: 1, max: 24 * 60 }),
        fc.integer({ min: 1, max: 24 * 60 }),
        fc.integer({ min: 0, max: 60 * 365 * 24 * 60 }),
        (startHours, intervalHours, durationHoursRaw, offsetMinutes) => {
          const durationHours = Math.min(durationHoursRaw, intervalHours);
          const start = startHours * hour;
          const now = start + offsetMinutes * 60_000;
          const open = (now - start) % (intervalHours * hour) < durationHours * hour;
          const given = rules({
            start_date: new Date(start).toISOString(),
            validity_timeframe: { interval: `PT${intervalHours}H`, duration: `PT${durationHours}H` },
          });
          expect(checkValidity(given, new Date(now), 'UTC')).toBe(open ? null : 'voucher_not_active_now');
        },
      ),
    );
  });

  it('in UTC, P{n}D intervals match plain day arithmetic', () => {
    const day = 86_400_000;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 * 365 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 0, max: 60 * 365 * 24 }),
        (startDays, intervalDays, offsetHours) => {
          const start = startDays * day;
          const now = start + offsetHours * 3_600_000;
          const open = (now - start) % (intervalDays * day) < 3_600_000;
          const given = rules({
            start_date: new Date(start).toISOString(),
            validity_timeframe: { interval: `P${intervalDays}D`, duration: 'PT1H' },
          });
          expect(checkValidity(given, new Date(now), 'UTC')).toBe(open ? null : 'voucher_not_active_now');
        },
      ),
    );
  });
});
