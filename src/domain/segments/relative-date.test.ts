import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  changeWindows,
  DAY_MS,
  holdsRelativeDate,
  RELATIVE_DATE_OPERATORS,
  type RelativeDateCondition,
} from './relative-date.js';

const NOW = new Date('2026-03-10T15:00:00.000Z');

describe('holdsRelativeDate', () => {
  it.each([
    ['$less_than_ago', 30, '2026-02-20T00:00:00.000Z', true],
    ['$less_than_ago', 30, '2026-02-08T15:00:00.000Z', false],
    ['$less_than_ago', 30, '2026-02-08T15:00:00.001Z', true],
    ['$less_than_ago', 30, '2026-03-11T00:00:00.000Z', false],
    ['$more_than_ago', 30, '2026-02-08T14:59:59.999Z', true],
    ['$more_than_ago', 30, '2026-02-08T15:00:00.000Z', false],
    ['$more_than_ago', 6570, '1990-05-01', true],
    ['$is_days_ago', 3, '2026-03-07T00:00:00.000Z', true],
    ['$is_days_ago', 3, '2026-03-07T23:59:59.999Z', true],
    ['$is_days_ago', 3, '2026-03-08T00:00:00.000Z', false],
    ['$is_days_ago', 0, '2026-03-10T01:00:00.000Z', true],
    ['$less_than_future', 3, '2026-03-12T00:00:00.000Z', true],
    ['$less_than_future', 3, '2026-03-09T00:00:00.000Z', false],
    ['$more_than_future', 3, '2026-03-14T00:00:00.000Z', true],
    ['$more_than_future', 3, '2026-03-12T00:00:00.000Z', false],
    ['$is_days_in_future', 2, '2026-03-12T08:00:00.000Z', true],
    ['$is_days_in_future', 2, '2026-03-13T00:00:00.000Z', false],
    ['$less_than_ago', 30, null, false],
    ['$more_than_ago', 30, 'not a date', false],
  ] as const)('%s %s on %s: %s', (operator, days, value, expected) => {
    expect(holdsRelativeDate({ operator, days }, value, NOW)).toBe(expected);
  });
});

describe('changeWindows', () => {
  it('covers only the time elapsed, at each moving bound', () => {
    const since = new Date('2026-03-01T00:00:00.000Z');
    expect(changeWindows({ operator: '$more_than_ago', days: 30 }, since, NOW)).toEqual([
      { from: since.getTime() - 30 * DAY_MS, to: NOW.getTime() - 30 * DAY_MS },
    ]);
    expect(changeWindows({ operator: '$less_than_ago', days: 30 }, since, NOW)).toHaveLength(2);
    expect(changeWindows({ operator: '$less_than_ago', days: 1 }, since, NOW)).toHaveLength(1);
    expect(changeWindows({ operator: '$less_than_ago', days: 30 }, NOW, NOW)).toEqual([]);
  });

  const condition = fc.record<RelativeDateCondition>({
    operator: fc.constantFrom(...RELATIVE_DATE_OPERATORS),
    days: fc.integer({ min: 0, max: 400 }),
  });
  const instant = fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2030-01-01') });

  it('holds every date whose verdict changed between two times', () => {
    fc.assert(
      fc.property(condition, instant, instant, fc.integer({ min: 0, max: 500 * DAY_MS }), (c, value, t, elapsed) => {
        const since = new Date(t);
        const now = new Date(t + elapsed);
        const date = new Date(value).toISOString();
        if (holdsRelativeDate(c, date, since) === holdsRelativeDate(c, date, now)) return;
        const windows = changeWindows(c, since, now);
        expect(windows.some((w) => w.from <= value && value <= w.to)).toBe(true);
      }),
    );
  });
});
