import { AppError } from '../../domain/errors.js';
import type { Clock } from '../ports.js';
import type { WindowCounters } from '../security/window-counters.js';

/** Failed sign-ins allowed per address and per account in a window, before the form answers 429. */
export const FAILED_SIGN_INS_PER_WINDOW = 10;
const WINDOW_MS = 15 * 60 * 1000;

/**
 * Limits password guessing: failed sign-ins are counted per client address and per email, in
 * fixed 15-minute windows, and past the limit a sign-in is refused before its password is hashed
 * (each hash costs 32 MiB and a tenth of a second: the limit also keeps floods off the thread pool).
 * A success does not reset the counts: a guesser who finds one password learns nothing more from it.
 */
export class SignInThrottle {
  constructor(
    private readonly counters: WindowCounters,
    private readonly clock: Clock,
  ) {}

  private keysOf(address: string, email: string): { keys: string[]; ttlMs: number; retryAfterSeconds: number } {
    const nowMs = this.clock.now().getTime();
    const window = Math.floor(nowMs / WINDOW_MS);
    const endsMs = (window + 1) * WINDOW_MS;
    return {
      keys: [`sign-in:${window}:address:${address}`, `sign-in:${window}:email:${email.trim().toLowerCase()}`],
      ttlMs: endsMs - nowMs,
      retryAfterSeconds: Math.max(1, Math.ceil((endsMs - nowMs) / 1000)),
    };
  }

  /** Refuses with 429 when the address or the account has used up its failed sign-ins. */
  async admit(address: string, email: string): Promise<void> {
    const { keys, ttlMs, retryAfterSeconds } = this.keysOf(address, email);
    const counts = await this.counters.apply(keys.map((key) => ({ key, add: 0, ttlMs })));
    if (counts.some((count) => count >= FAILED_SIGN_INS_PER_WINDOW)) {
      throw new AppError('too_many_requests', {
        details: `Too many failed sign-ins; try again in ${retryAfterSeconds} seconds`,
      });
    }
  }

  async recordFailure(address: string, email: string): Promise<void> {
    const { keys, ttlMs } = this.keysOf(address, email);
    await this.counters.apply(keys.map((key) => ({ key, add: 1, ttlMs })));
  }
}
