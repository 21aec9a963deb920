/** Where a moment falls among windows of one length laid end to end from the epoch. */
export interface WindowPosition {
  /** The window's number since the epoch; counters are keyed by it. */
  index: number;
  elapsedMs: number;
  remainingMs: number;
}

/**
 * Windows are aligned to the epoch rather than to each client's first request, so every process
 * sharing a counter store agrees on which window a request belongs to without asking anyone.
 */
export function positionInWindow(nowMs: number, windowMs: number): WindowPosition {
  const index = Math.floor(nowMs / windowMs);
  const elapsedMs = nowMs - index * windowMs;
  return { index, elapsedMs, remainingMs: windowMs - elapsedMs };
}

/** Whole seconds until `ms` have passed, at least one: `retry-after` never tells a client to retry at once. */
export function toRetryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
