/** Who a client-side lookup of an unknown code is charged to: its address, and the whole client-side key. */
export type GuessScope = 'address' | 'client_key';

/** Unknown codes counted in two consecutive fixed windows of one counter. */
export interface GuessCounter {
  scope: GuessScope;
  /** Unknown codes allowed per window; 0 turns this counter off. */
  limit: number;
  /** Kept guesses in the window before the current one. */
  previous: number;
  /** Kept guesses in the current window, not counting the one being decided. */
  current: number;
}

export type GuessVerdict =
  | { allowed: true }
  | {
      allowed: false;
      /** The counter that keeps the caller waiting longest. */
      scope: GuessScope;
      /** How long until one more guess would be allowed, if none is kept meanwhile. */
      retryAfterMs: number;
    };

/**
 * Decides one more guess against a sliding window, estimated from two fixed windows as
 * `previous × (share of the previous window still inside the sliding one) + current`. A caller
 * blocked at the end of a window is not free again at its start, so a burst across the boundary
 * gets no second allowance; and since the estimate is never below `current`, no fixed window ever
 * keeps more than `limit` guesses, which bounds the guesses per window exactly.
 *
 * The arithmetic is kept in integers (counts × milliseconds): a refusal must say exactly when the
 * next guess would pass, and a float rounding either way would make `retry-after` lie by a tick.
 */
export function decideGuess(counters: readonly GuessCounter[], elapsedMs: number, windowMs: number): GuessVerdict {
  let longest: { scope: GuessScope; retryAfterMs: number } | null = null;
  for (const counter of counters) {
    const waitMs = waitBeforeNextGuess(counter, elapsedMs, windowMs);
    if (waitMs > 0 && (!longest || waitMs > longest.retryAfterMs))
      longest = { scope: counter.scope, retryAfterMs: waitMs };
  }
  return longest ? { allowed: false, ...longest } : { allowed: true };
}

/** Whether one more guess fits the sliding window now. */
export function isGuessWithinLimit(counter: GuessCounter, elapsedMs: number, windowMs: number): boolean {
  if (counter.limit <= 0) return true;
  const previous = Math.max(0, counter.previous);
  const current = Math.max(0, counter.current);
  return previous * (windowMs - elapsedMs) + (current + 1) * windowMs <= counter.limit * windowMs;
}

/** Milliseconds until one more guess fits, 0 when it fits now. */
function waitBeforeNextGuess(counter: GuessCounter, elapsedMs: number, windowMs: number): number {
  if (isGuessWithinLimit(counter, elapsedMs, windowMs)) return 0;
  const previous = Math.max(0, counter.previous);
  const current = Math.max(0, counter.current);
  // The estimate, guess included, must come down to the limit: `room` is what the windows may hold.
  const room = counter.limit - 1;
  if (current <= room) {
    // The current window alone leaves room: wait until enough of the previous one has slid out.
    // previous > 0 here, or the guess would have fitted.
    const mustHaveElapsed = windowMs - Math.floor(((room - current) * windowMs) / previous);
    return mustHaveElapsed - elapsedMs;
  }
  // The current window is full: in the next one it becomes `previous`, and must slide out far enough.
  const mustHaveElapsedInNext = windowMs - Math.floor((room * windowMs) / current);
  return windowMs - elapsedMs + mustHaveElapsedInNext;
}
