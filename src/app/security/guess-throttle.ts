import { positionInWindow, toRetryAfterSeconds } from '../../domain/security/fixed-window.js';
import { decideGuess, type GuessCounter, type GuessScope } from '../../domain/security/guess-limit.js';
import type { Clock } from '../ports.js';
import type { CountingFailureHandler } from './counting-failures.js';
import type { GuessLimits } from './traffic-limits.js';
import type { CounterChange, WindowCounters } from './window-counters.js';

const HOUR_MS = 3_600_000;

/** Who is looking a code up from a storefront. */
export interface GuessCaller {
  /** The client address, as counted (see addressGroupOf). */
  address: string;
  clientKeyId: string;
}

/** The guess a caller was admitted with: counted already, and given back unless the code is unknown. */
export interface GuessReservation {
  readonly keys: readonly string[];
}

export type GuessAdmission =
  | { admitted: true; reservation: GuessReservation }
  | { admitted: false; scope: GuessScope; retryAfterSeconds: number };

/**
 * The defence against guessing codes through the public client-side key. Every lookup is
 * counted as a guess before it runs, and given back once the code turns out to exist, so only
 * unknown codes stay counted. Counting first makes the limit hold under concurrency: parallel
 * guesses each see the others' counts (one atomic add each), so no burst gets past the limit.
 * A caller over its limit is refused for known codes too, or a guesser could tell the codes that
 * exist by which requests are refused.
 */
export class GuessThrottle {
  constructor(
    private readonly counters: WindowCounters,
    private readonly clock: Clock,
    private readonly limits: GuessLimits,
    private readonly onCountingFailure: CountingFailureHandler,
  ) {}

  async admit(caller: GuessCaller): Promise<GuessAdmission> {
    const scopes = this.scopesOf(caller);
    if (scopes.length === 0) return { admitted: true, reservation: { keys: [] } };
    const position = positionInWindow(this.clock.now().getTime(), HOUR_MS);
    const changes: CounterChange[] = scopes.flatMap(({ name }) => [
      { key: `${name}:${position.index}`, add: 1, ttlMs: 2 * HOUR_MS },
      { key: `${name}:${position.index - 1}`, add: 0, ttlMs: 0 },
    ]);
    let values: number[];
    try {
      values = await this.counters.apply(changes);
    } catch (error) {
      this.onCountingFailure(error);
      return { admitted: true, reservation: { keys: [] } };
    }
    const reservation = { keys: scopes.map(({ name }) => `${name}:${position.index}`) };
    const counters: GuessCounter[] = scopes.map(({ scope, limit }, i) => ({
      scope,
      limit,
      current: (values[2 * i] ?? 1) - 1,
      previous: values[2 * i + 1] ?? 0,
    }));
    const verdict = decideGuess(counters, position.elapsedMs, HOUR_MS);
    if (verdict.allowed) return { admitted: true, reservation };
    // A refused lookup is not a guess: giving it back keeps the count, and so the wait, honest.
    await this.giveBack(reservation);
    return { admitted: false, scope: verdict.scope, retryAfterSeconds: toRetryAfterSeconds(verdict.retryAfterMs) };
  }

  /** Gives the guess back: the code existed, or the lookup failed for another reason. */
  async giveBack(reservation: GuessReservation): Promise<void> {
    if (reservation.keys.length === 0) return;
    try {
      await this.counters.apply(reservation.keys.map((key) => ({ key, add: -1, ttlMs: 2 * HOUR_MS })));
    } catch (error) {
      this.onCountingFailure(error);
    }
  }

  private scopesOf(caller: GuessCaller): { scope: GuessScope; name: string; limit: number }[] {
    const all = [
      { scope: 'address' as const, name: `guesses:address:${caller.address}`, limit: this.limits.perAddress },
      {
        scope: 'client_key' as const,
        name: `guesses:client_key:${caller.clientKeyId}`,
        limit: this.limits.perClientKey,
      },
    ];
    return all.filter(({ limit }) => limit > 0);
  }
}
