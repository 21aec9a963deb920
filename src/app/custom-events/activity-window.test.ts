import { describe, expect, it } from 'vitest';
import { toCreatedAtRange } from './activity-window.js';

const T1 = '2026-01-01T00:00:00.000Z';
const T2 = '2026-01-02T00:00:00.000Z';
const T3 = '2026-01-03T00:00:00.000Z';

describe('toCreatedAtRange', () => {
  it.each([
    { name: 'no filter', window: {}, direction: 'desc', range: undefined },
    {
      name: 'inclusive start and end',
      window: { start_date: T1, end_date: T3 },
      direction: 'desc',
      range: { after: '2025-12-31T23:59:59.999Z', before: '2026-01-03T00:00:00.001Z' },
    },
    { name: 'cursor going back in time', window: { starting_after: T2 }, direction: 'desc', range: { before: T2 } },
    { name: 'cursor going forward in time', window: { starting_after: T2 }, direction: 'asc', range: { after: T2 } },
    {
      name: 'the tighter of cursor and end date',
      window: { end_date: T3, starting_after: T2 },
      direction: 'desc',
      range: { before: T2 },
    },
    {
      name: 'the tighter of start date and cursor',
      window: { start_date: T3, starting_after: T2 },
      direction: 'asc',
      range: { after: '2026-01-02T23:59:59.999Z' },
    },
  ] as const)('$name', ({ window, direction, range }) => {
    expect(toCreatedAtRange(window, direction)).toEqual(range);
  });
});
