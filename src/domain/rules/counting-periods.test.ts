import { describe, expect, it } from 'vitest';
import { countingPeriodsAt } from './counting-periods.js';

describe('countingPeriodsAt', () => {
  it.each([
    ['UTC', '2026-11-26T10:15:00.000Z', '2026-11-26T00:00:00.000Z', '2026-11-01T00:00:00.000Z'],
    // 00:30 on the 1st in Warsaw is still October 31st in UTC: the shop's day and month have begun.
    ['Europe/Warsaw', '2026-10-31T23:30:00.000Z', '2026-10-31T23:00:00.000Z', '2026-10-31T23:00:00.000Z'],
    ['America/New_York', '2026-11-26T03:00:00.000Z', '2026-11-25T05:00:00.000Z', '2026-11-01T04:00:00.000Z'],
    ['Not/AZone', '2026-11-26T10:15:00.000Z', '2026-11-26T00:00:00.000Z', '2026-11-01T00:00:00.000Z'],
  ])('in %s at %s the day began at %s and the month at %s', (zone, now, day, month) => {
    expect(countingPeriodsAt(new Date(now), zone)).toEqual({ dayStart: day, monthStart: month });
  });
});
