import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideGuess, type GuessCounter, isGuessWithinLimit } from './guess-limit.js';

const HOUR = 3_600_000;

function counter(limit: number, previous: number, current: number): GuessCounter {
  return { scope: 'address', limit, previous, current };
}

/** The counter `ms` later, when no guess was kept meanwhile: windows roll over, counts move back. */
function later(state: { counter: GuessCounter; elapsedMs: number }, ms: number, windowMs: number) {
  const total = state.elapsedMs + ms;
  const windowsPassed = Math.floor(total / windowMs);
  const { counter: c } = state;
  const moved =
    windowsPassed === 0
      ? c
      : windowsPassed === 1
        ? { ...c, previous: c.current, current: 0 }
        : { ...c, previous: 0, current: 0 };
  return { counter: moved, elapsedMs: total - windowsPassed * windowMs };
}

describe('decideGuess', () => {
  it.each([
    { name: 'a fresh caller', c: counter(100, 0, 0), elapsedMs: 0, allowed: true },
    { name: 'the limit-th guess', c: counter(100, 0, 99), elapsedMs: 0, allowed: true },
    { name: 'one past the limit', c: counter(100, 0, 100), elapsedMs: 0, allowed: false },
    { name: 'a full previous window at the boundary', c: counter(100, 100, 0), elapsedMs: 0, allowed: false },
    { name: 'a full previous window half slid out', c: counter(100, 100, 49), elapsedMs: HOUR / 2, allowed: true },
    { name: 'half slid out, current half full', c: counter(100, 100, 50), elapsedMs: HOUR / 2, allowed: false },
    { name: 'a limit of 0 is no limit', c: counter(0, 10_000, 10_000), elapsedMs: 0, allowed: true },
    { name: 'counts below zero (a refund raced) count as zero', c: counter(1, -3, -1), elapsedMs: 0, allowed: true },
  ])('$name: allowed=$allowed', ({ c, elapsedMs, allowed }) => {
    expect(decideGuess([c], elapsedMs, HOUR).allowed).toBe(allowed);
  });

  it('waits for the rest of the window, then for the full window to slide out, when the current one is full', () => {
    // Ten minutes in, 100 kept: in the next window the 100 must slide out until 99 fit, 1/100 of it.
    expect(decideGuess([counter(100, 0, 100)], 600_000, HOUR)).toEqual({
      allowed: false,
      scope: 'address',
      retryAfterMs: HOUR - 600_000 + HOUR / 100,
    });
  });

  it('waits until enough of the previous window has slid out when the current one has room', () => {
    // 60 kept before, 45 now, limit 100: 60 × (1 − f) + 46 ≤ 100 when f ≥ 0.1.
    expect(decideGuess([counter(100, 60, 45)], 0, HOUR)).toEqual({
      allowed: false,
      scope: 'address',
      retryAfterMs: HOUR / 10,
    });
  });

  it('refuses when any counter refuses and names the one with the longest wait', () => {
    const verdict = decideGuess(
      [
        { scope: 'address', limit: 10, previous: 0, current: 10 },
        { scope: 'client_key', limit: 1000, previous: 0, current: 1000 },
      ],
      0,
      HOUR,
    );
    expect(verdict).toMatchObject({ allowed: false });
    const onlyKeyFull = decideGuess(
      [
        { scope: 'address', limit: 10, previous: 0, current: 3 },
        { scope: 'client_key', limit: 1000, previous: 0, current: 1000 },
      ],
      0,
      HOUR,
    );
    expect(onlyKeyFull).toMatchObject({ allowed: false, scope: 'client_key' });
  });

  const refusedState = fc
    .record({
      limit: fc.integer({ min: 1, max: 10_000 }),
      previous: fc.integer({ min: 0, max: 20_000 }),
      current: fc.integer({ min: 0, max: 20_000 }),
      windowMs: fc.integer({ min: 1000, max: 2 * HOUR }),
      elapsedShare: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    })
    .map(({ limit, previous, current, windowMs, elapsedShare }) => ({
      counter: counter(limit, previous, current),
      elapsedMs: Math.floor(elapsedShare * windowMs),
      windowMs,
    }))
    .filter(({ counter: c, elapsedMs, windowMs }) => !isGuessWithinLimit(c, elapsedMs, windowMs));

  it('retry-after is exact: refused one millisecond before it, allowed at it', () => {
    fc.assert(
      fc.property(refusedState, ({ counter: c, elapsedMs, windowMs }) => {
        const verdict = decideGuess([c], elapsedMs, windowMs);
        if (verdict.allowed) return false;
        const at = later({ counter: c, elapsedMs }, verdict.retryAfterMs, windowMs);
        const justBefore = later({ counter: c, elapsedMs }, verdict.retryAfterMs - 1, windowMs);
        return (
          verdict.retryAfterMs > 0 &&
          isGuessWithinLimit(at.counter, at.elapsedMs, windowMs) &&
          !isGuessWithinLimit(justBefore.counter, justBefore.elapsedMs, windowMs)
        );
      }),
    );
  });

  it('no fixed window ever keeps more than the limit, whatever the timing of the guesses', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.array(fc.integer({ min: 0, max: 600_000 }), { minLength: 1, maxLength: 400 }),
        (limit, gaps) => {
          const windowMs = HOUR;
          const kept = new Map<number, number>();
          let now = 0;
          for (const gap of gaps) {
            now += gap;
            const index = Math.floor(now / windowMs);
            const c = counter(limit, kept.get(index - 1) ?? 0, kept.get(index) ?? 0);
            if (decideGuess([c], now - index * windowMs, windowMs).allowed) kept.set(index, (kept.get(index) ?? 0) + 1);
          }
          return [...kept.values()].every((count) => count <= limit);
        },
      ),
    );
  });
});
