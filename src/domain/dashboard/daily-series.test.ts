import { describe, expect, it } from 'vitest';
import { everyDay, windowStart } from './daily-series.js';

describe('daily series', () => {
  it('fills the days nothing happened on, in order, across a month end', () => {
    const known = [
      { day: '2026-01-31', n: 3 },
      { day: '2026-02-02', n: 1 },
    ];
    expect(everyDay('2026-01-30', '2026-02-02', known, (day) => ({ day, n: 0 }))).toEqual([
      { day: '2026-01-30', n: 0 },
      { day: '2026-01-31', n: 3 },
      { day: '2026-02-01', n: 0 },
      { day: '2026-02-02', n: 1 },
    ]);
  });

  it('starts a window of n days so that it ends today', () => {
    expect(windowStart(new Date('2026-03-02T23:59:00.000Z'), 3)).toBe('2026-02-28');
    expect(windowStart(new Date('2026-03-02T00:00:00.000Z'), 1)).toBe('2026-03-02');
  });
});
