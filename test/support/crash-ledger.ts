/**
 * What the clients of the crash test saw, answer by answer. A killed server leaves some requests
 * without an answer: those are `unknown` and may have committed or not, until a retry with their
 * Idempotency-Key settles it.
 */

export type SeenAnswer =
  | { kind: 'succeeded'; status: 200; id: string }
  | { kind: 'refused'; status: number; key: string; resourceId: string | null }
  /** Any other status: never expected, reported as a finding. */
  | { kind: 'unexpected'; status: number; text: string }
  /** No answer: the connection broke (the kill) or timed out. */
  | { kind: 'unknown'; reason: string };

export type Operation = 'redeem' | 'rollback';

export interface Attempt {
  op: Operation;
  /** The voucher code for a redemption, the redemption id for a rollback. */
  target: string;
  idempotencyKey: string | null;
  body: Record<string, unknown>;
  cycle: number;
  answer: SeenAnswer;
  /**
   * For an unknown answer that a keyed retry settled: what the first request did after all
   * (`not_committed` when the key was never stored, so the first request left no trace).
   */
  settled?: SeenAnswer | 'not_committed';
}

/** The answer that counts for checks: the settled one when a retry found out. */
export function effectiveAnswer(attempt: Attempt): SeenAnswer | 'not_committed' {
  return attempt.settled ?? attempt.answer;
}

/** An attempt as findings name it. */
export function describeAttempt(attempt: Attempt): string {
  const key = attempt.idempotencyKey ? `, key ${attempt.idempotencyKey}` : '';
  return `${attempt.op} ${attempt.target} (cycle ${attempt.cycle}${key})`;
}

export class CrashLedger {
  readonly attempts: Attempt[] = [];
  /** Successful redemptions no one has asked to roll back yet, by whether the voucher is limited. */
  private readonly rollbackable = { limited: [] as string[], unlimited: [] as string[] };
  private readonly rollbackAsked: string[] = [];

  constructor(private readonly isLimited: (code: string) => boolean) {}

  record(attempt: Attempt): void {
    this.attempts.push(attempt);
    if (attempt.op === 'redeem' && attempt.answer.kind === 'succeeded') {
      this.rollbackable[this.isLimited(attempt.target) ? 'limited' : 'unlimited'].push(attempt.answer.id);
    }
  }

  /**
   * A success to roll back, taken out of the pool, preferring limited vouchers half of the time so
   * a freed use is raced for at the limit.
   */
  takeRollbackCandidate(random: () => number): string | undefined {
    // Now and then one asked for before, so two rollbacks of one redemption race or follow each other.
    if (random() < 0.1 && this.rollbackAsked.length > 0) {
      return this.rollbackAsked[Math.floor(random() * this.rollbackAsked.length)];
    }
    const { limited, unlimited } = this.rollbackable;
    const pool = (random() < 0.5 && limited.length > 0) || unlimited.length === 0 ? limited : unlimited;
    if (pool.length === 0) return undefined;
    const [id] = pool.splice(Math.floor(random() * pool.length), 1) as [string];
    this.rollbackAsked.push(id);
    return id;
  }

  count(predicate: (attempt: Attempt) => boolean): number {
    return this.attempts.reduce((n, attempt) => n + (predicate(attempt) ? 1 : 0), 0);
  }
}

/** A small seeded generator (mulberry32), so a failing run can be replayed with its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
