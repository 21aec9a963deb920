import { Redis } from 'ioredis';
import type { CounterChange, WindowCounters } from '../../app/security/window-counters.js';

export interface RedisCounterOptions {
  /** A redis:// or rediss:// URL. */
  url: string;
  /** Put before every key, so several installations (or test runs) can share one Redis. */
  keyPrefix?: string;
  /**
   * A Redis slower than this counts as down, and the request goes on uncounted: a request waits
   * for it at most this long. Redis answers in well under a millisecond; only a hung server or a
   * stalled event loop (a timer can fire before a reply already received is read) reaches it.
   */
  commandTimeoutMs?: number;
}

/**
 * Counters in Redis, shared by every Vouch process pointed at it. While Redis cannot be reached,
 * commands fail at once instead of queueing (no offline queue, no retries per command), so the
 * limiters fail open within a request's time rather than stalling the API; the client keeps
 * reconnecting in the background and counting resumes by itself.
 */
export class RedisWindowCounters implements WindowCounters {
  private readonly redis: Redis;
  private readonly connecting: Promise<void>;

  constructor(options: RedisCounterOptions) {
    this.redis = new Redis(options.url, {
      keyPrefix: options.keyPrefix ?? 'vouch:limits:',
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: options.commandTimeoutMs ?? 1000,
      connectTimeout: 5000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
    // Failures reach the limiters as rejected commands, which report them; an unheard 'error'
    // event would only be printed by ioredis on every reconnection attempt.
    this.redis.on('error', () => {});
    this.connecting = this.redis.connect();
    this.connecting.catch(() => {});
  }

  async apply(changes: readonly CounterChange[]): Promise<number[]> {
    const pipeline = this.redis.pipeline();
    for (const change of changes) {
      if (change.add === 0) pipeline.get(change.key);
      // Keys are per window, so pushing the expiry on at every change only delays forgetting one a little.
      else pipeline.incrby(change.key, change.add).pexpire(change.key, change.ttlMs);
    }
    const results = (await pipeline.exec()) ?? [];
    const values: number[] = [];
    let at = 0;
    for (const change of changes) {
      const [error, value] = results[at] ?? [new Error('Redis answered fewer results than commands')];
      if (error) throw error;
      values.push(Number(value ?? 0));
      at += change.add === 0 ? 1 : 2;
    }
    return values;
  }

  ready(): Promise<void> {
    return this.connecting;
  }

  async close(): Promise<void> {
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }
}
