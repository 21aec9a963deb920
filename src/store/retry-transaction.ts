import { TransactionConflictError } from './dialects/error-translating-dialect.js';

export interface RetryPolicy {
  /** Runs in all, the first included. */
  attempts: number;
  /** The wait before the first retry; each further wait doubles it. */
  baseDelayMs: number;
}

/**
 * Enough for a deadlock to clear (PostgreSQL aborts one side of it, so the other goes on) while a
 * client whose request keeps losing still hears within a second or so; waits of 10, 20, 40 and 80
 * ms on average.
 */
export const TRANSACTION_RETRY_POLICY: RetryPolicy = { attempts: 5, baseDelayMs: 10 };

export interface RetryEnvironment {
  sleep(ms: number): Promise<void>;
  /** A number in [0, 1), as Math.random. */
  random(): number;
}

/**
 * Transactions rerun in this process because the database aborted them for a concurrent one: for
 * `GET /metrics`. Each is a deadlock or a serialization failure a client did not see, and a steady
 * rise means two paths take their locks in different orders.
 */
let retriedConflicts = 0;

export function countRetriedConflicts(): number {
  return retriedConflicts;
}

const realEnvironment: RetryEnvironment = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/**
 * Runs a whole transaction, and runs it again when the database aborted it in favour of a
 * concurrent one (a deadlock or a serialization failure). Running it again is safe: nothing of an
 * aborted transaction was written, and every side effect of a use case happens inside its
 * transaction. Each wait is jittered (half to one and a half times its length), so the
 * transactions that met in a deadlock do not meet again at the same moment. When the attempts
 * run out, the last conflict reaches the client as a 503 `service_unavailable`.
 */
export async function retryTransaction<T>(
  run: () => Promise<T>,
  policy: RetryPolicy = TRANSACTION_RETRY_POLICY,
  environment: RetryEnvironment = realEnvironment,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof TransactionConflictError) || attempt >= policy.attempts) throw error;
    }
    retriedConflicts += 1;
    const delayMs = policy.baseDelayMs * 2 ** (attempt - 1) * (0.5 + environment.random());
    await environment.sleep(delayMs);
  }
}
