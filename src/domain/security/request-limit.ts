import { toRetryAfterSeconds } from './fixed-window.js';

/** What a request is counted against: the API key it carries, or the address it comes from. */
export type RequestScope = 'key' | 'address';

/** One counter after the request was added to it. */
export interface RequestCount {
  scope: RequestScope;
  limit: number;
  /** Requests in the current window, this one included. */
  count: number;
  /** Time left in the current window. */
  resetInMs: number;
}

export interface RequestVerdict {
  allowed: boolean;
  /** The scope the headers describe and, when refused, the one that refused. */
  scope: RequestScope;
  limit: number;
  remaining: number;
  retryAfterSeconds: number;
}

/**
 * Admits a request when it is within every limit it was counted against. The answer describes
 * the counter nearest to its limit, as a client needs to know the first limit it will meet; on a
 * tie the key's, which is the limit Voucherify's own headers describe.
 */
export function decideRequest(counts: readonly RequestCount[]): RequestVerdict | null {
  let tightest: RequestCount | null = null;
  let refusing: RequestCount | null = null;
  for (const count of counts) {
    if (count.count > count.limit) {
      if (!refusing || count.resetInMs > refusing.resetInMs) refusing = count;
    }
    if (!tightest || remainingOf(count) < remainingOf(tightest)) tightest = count;
  }
  if (refusing) {
    return {
      allowed: false,
      scope: refusing.scope,
      limit: refusing.limit,
      remaining: 0,
      retryAfterSeconds: toRetryAfterSeconds(refusing.resetInMs),
    };
  }
  if (!tightest) return null;
  return {
    allowed: true,
    scope: tightest.scope,
    limit: tightest.limit,
    remaining: remainingOf(tightest),
    retryAfterSeconds: toRetryAfterSeconds(tightest.resetInMs),
  };
}

function remainingOf(count: RequestCount): number {
  return Math.max(0, count.limit - count.count);
}
