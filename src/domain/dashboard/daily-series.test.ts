import { describe, expect, it } from 'vitest';
import { everyDay, localDays } from './daily-series.js';

describe('daily series', () => {
  it('fills the days nothing happened on, in order, across a month end', () => {
    const days = localDays(new Date('2026-02-02T12:00:00.000Z'), 4, 'UTC');
    const known = [
      { day: '2026-01-31', n: 3 },
      { day: '2026-02-02', n: 1 },
    ];
    expect(everyDay(days, known, (day) => ({ day, n: 0 }))).toEqual([
      { day: '2026-01-30', n: 0 },
      { day: '2026-01-31', n: 3 },
      { day: '2026-02-01', n: 0 },
      { day: '2026-02-02', n: 1 },
    ]);
  });

  it('ends the window with today on UTC days', () => {
    expect(localDays(new Date('2026-03-02T23:59:00.000Z'), 3, 'UTC')).toEqual([
      { day: '2026-02-28', start: '2026-02-28T00:00:00.000Z' },
      { day: '2026-03-01', start: '2026-03-01T00:00:00.000Z' },
      { day: '2026-03-02', start: '2026-03-02T00:00:00.000Z' },
    ]);
  });

  it("counts days on the project's wall clock: late evening in New York is already tomorrow in UTC", () => {
    // 02:30 UTC on 3 March is 21:30 on 2 March in New York (UTC-5).
    expect(localDays(new Date('2026-03-03T02:30:00.000Z'), 2, 'America/New_York')).toEqual([
      { day: '2026-03-01', start: '2026-03-01T05:00:00.000Z' },
      { day: '2026-03-02', start: '2026-03-02T05:00:00.000Z' },
    ]);
    // Half-hour zones keep their half hour.
    expect(localDays(new Date('2026-03-02T20:00:00.000Z'), 1, 'Asia/Kolkata')).toEqual([
      { day: '2026-03-03', start: '2026-03-02T18:30:00.000Z' },
    ]);
  });

  it('starts each day at local midnight across a DST change (a 23-hour day in Warsaw)', () => {
    const days = localDays(new Date('2026-03-30T12:00:00.000Z'), 3, 'Europe/Warsaw');
    expect(days).toEqual([
      { day: '2026-03-28', start: '2026-03-27T23:00:00.000Z' },
      { day: '2026-03-29', start: '2026-03-28T23:00:00.000Z' },
      { day: '2026-03-30', start: '2026-03-29T22:00:00.000Z' },
    ]);
  });

  it('reads an unknown zone as UTC', () => {
    expect(localDays(new Date('2026-03-02T10:00:00.000Z'), 1, 'Mars/Olympus')).toEqual([
      { day: '2026-03-02', start: '2026-03-02T00:00:00.000Z' },
    ]);
  });
});
