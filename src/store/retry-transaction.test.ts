import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.js';
import { TransactionConflictError } from './dialects/error-translating-dialect.js';
import { type RetryEnvironment, retryTransaction } from './retry-transaction.js';

const policy = { attempts: 4, baseDelayMs: 10 };

/** A clock-free environment that records the waits asked for. */
function recordingEnvironment(random = () => 0.5): RetryEnvironment & { waits: number[] } {
  const waits: number[] = [];
  return { waits, random, sleep: async (ms) => void waits.push(ms) };
}

/** A transaction that loses `conflicts` times, then answers 'done'. */
function losingTransaction(conflicts: number) {
  const run = { calls: 0 };
  const work = async () => {
    run.calls += 1;
    if (run.calls <= conflicts) throw new TransactionConflictError();
    return 'done';
  };
  return { run, work };
}

describe('retryTransaction', () => {
  it('runs a transaction that succeeds once and waits for nothing', async () => {
    const environment = recordingEnvironment();
    const { run, work } = losingTransaction(0);
    expect(await retryTransaction(work, policy, environment)).toBe('done');
    expect(run.calls).toBe(1);
    expect(environment.waits).toEqual([]);
  });

  it('runs the whole transaction again after a conflict, waiting longer each time', async () => {
    const environment = recordingEnvironment();
    const { run, work } = losingTransaction(3);
    expect(await retryTransaction(work, policy, environment)).toBe('done');
    expect(run.calls).toBe(4);
    expect(environment.waits).toEqual([10, 20, 40]);
  });

  it('gives up after the last attempt with a 503 service_unavailable', async () => {
    const environment = recordingEnvironment();
    const { run, work } = losingTransaction(10);
    const failure = await retryTransaction(work, policy, environment).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ key: 'service_unavailable', code: 503 });
    expect(run.calls).toBe(policy.attempts);
  });

  it.each([
    ['a client error', new AppError('quantity_exceeded')],
    ['a unique violation', new AppError('duplicate_found')],
    ['an unreachable database', new AppError('service_unavailable')],
    ['an unknown driver error', new Error('syntax error at or near "selec"')],
  ])('never runs again after %s', async (_, error) => {
    const environment = recordingEnvironment();
    let calls = 0;
    const work = async () => {
      calls += 1;
      throw error;
    };
    await expect(retryTransaction(work, policy, environment)).rejects.toBe(error);
    expect(calls).toBe(1);
  });

  it('jitters each wait between half and one and a half times its step', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 3, maxLength: 3 }),
        async (draws) => {
          const queue = [...draws];
          const environment = recordingEnvironment(() => queue.shift() ?? 0);
          await retryTransaction(losingTransaction(3).work, policy, environment);
          environment.waits.forEach((wait, i) => {
            const step = policy.baseDelayMs * 2 ** i;
            expect(wait).toBeGreaterThanOrEqual(step / 2);
            expect(wait).toBeLessThanOrEqual(step * 1.5);
          });
        },
      ),
    );
  });
});
