import { positionInWindow } from '../../domain/security/fixed-window.js';
import type { RequestCount, RequestScope } from '../../domain/security/request-limit.js';
import type { Clock } from '../ports.js';
import type { CountingFailureHandler } from './counting-failures.js';
import type { RequestLimits } from './traffic-limits.js';
import type { WindowCounters } from './window-counters.js';

/**
 * Counts requests per API key and per client address in fixed windows. Every request counts,
 * refused ones too, as Voucherify's limits do: a client that keeps calling while refused does not
 * get its budget back sooner.
 */
export class RequestLimiter {
  private readonly windowMs: number;

  constructor(
    private readonly counters: WindowCounters,
    private readonly clock: Clock,
    private readonly limits: RequestLimits,
    private readonly onCountingFailure: CountingFailureHandler,
  ) {
    this.windowMs = limits.windowSeconds * 1000;
  }

  isLimiting(scope: RequestScope): boolean {
    return this.limitOf(scope) > 0;
  }

  /** Adds one request to the counter of `id`; null when that limit is off or counting failed (fail open). */
  async count(scope: RequestScope, id: string): Promise<RequestCount | null> {
    const limit = this.limitOf(scope);
    if (limit <= 0) return null;
    const position = positionInWindow(this.clock.now().getTime(), this.windowMs);
    // The window length is part of the key, so processes started with different windows never
    // add to each other's counters.
    const key = `requests:${this.limits.windowSeconds}:${scope}:${id}:${position.index}`;
    try {
      const [count = 0] = await this.counters.apply([{ key, add: 1, ttlMs: this.windowMs }]);
      return { scope, limit, count, resetInMs: position.remainingMs };
    } catch (error) {
      this.onCountingFailure(error);
      return null;
    }
  }

  private limitOf(scope: RequestScope): number {
    return scope === 'key' ? this.limits.perKey : this.limits.perAddress;
  }
}
