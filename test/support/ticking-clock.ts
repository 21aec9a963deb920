import type { Clock } from '../../src/app/ports.js';

/** Each reading of the clock is a second later, so creation order is list order even within one millisecond. */
export function tickingClock(): Clock {
  let time = Date.parse('2026-01-01T00:00:00.000Z');
  return {
    now: () => {
      time += 1000;
      return new Date(time);
    },
  };
}
