import { describe, expect, it } from 'vitest';
import { positionInWindow, toRetryAfterSeconds } from './fixed-window.js';
import { decideRequest, type RequestCount } from './request-limit.js';

describe('positionInWindow', () => {
  it.each([
    { nowMs: 0, windowMs: 60_000, expected: { index: 0, elapsedMs: 0, remainingMs: 60_000 } },
    { nowMs: 59_999, windowMs: 60_000, expected: { index: 0, elapsedMs: 59_999, remainingMs: 1 } },
    { nowMs: 60_000, windowMs: 60_000, expected: { index: 1, elapsedMs: 0, remainingMs: 60_000 } },
    {
      nowMs: 1_700_000_123_456,
      windowMs: 3_600_000,
      expected: { index: 472_222, elapsedMs: 923_456, remainingMs: 2_676_544 },
    },
  ])('$nowMs in windows of $windowMs', ({ nowMs, windowMs, expected }) => {
    expect(positionInWindow(nowMs, windowMs)).toEqual(expected);
  });
});

describe('toRetryAfterSeconds', () => {
  it.each([
    [0, 1],
    [1, 1],
    [999, 1],
    [1000, 1],
    [1001, 2],
    [59_500, 60],
  ])('%i ms → %i s', (ms, seconds) => {
    expect(toRetryAfterSeconds(ms)).toBe(seconds);
  });
});

describe('decideRequest', () => {
  const key = (count: number, limit = 10, resetInMs = 30_000): RequestCount => ({
    scope: 'key',
    limit,
    count,
    resetInMs,
  });
  const address = (count: number, limit = 10, resetInMs = 30_000): RequestCount => ({
    scope: 'address',
    limit,
    count,
    resetInMs,
  });

  it('has nothing to say when nothing was counted', () => {
    expect(decideRequest([])).toBeNull();
  });

  it.each([
    { name: 'the first request', counts: [key(1)], expected: { allowed: true, limit: 10, remaining: 9 } },
    { name: 'the limit-th request', counts: [key(10)], expected: { allowed: true, limit: 10, remaining: 0 } },
    { name: 'the next one', counts: [key(11)], expected: { allowed: false, limit: 10, remaining: 0 } },
    {
      name: 'the counter nearest its limit is the one described',
      counts: [key(2, 100), address(8, 10)],
      expected: { allowed: true, scope: 'address', limit: 10, remaining: 2 },
    },
    {
      name: "a tie describes the key's limit",
      counts: [key(5, 10), address(15, 20)],
      expected: { allowed: true, scope: 'key', limit: 10, remaining: 5 },
    },
    {
      name: 'the address refuses while the key has room',
      counts: [key(1, 100), address(11, 10)],
      expected: { allowed: false, scope: 'address', limit: 10, remaining: 0 },
    },
  ])('$name', ({ counts, expected }) => {
    expect(decideRequest(counts)).toMatchObject(expected);
  });

  it('tells a refused client to retry when its window ends, in whole seconds', () => {
    expect(decideRequest([key(11, 10, 12_300)])).toMatchObject({ allowed: false, retryAfterSeconds: 13 });
  });
});
