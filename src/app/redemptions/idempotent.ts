import { createHash } from 'node:crypto';
import { AppError } from '../../domain/errors.js';
import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';

/** An answer as the HTTP layer sends it: a status and a body. */
export interface Answer {
  status: number;
  body: unknown;
}

export interface IdempotencyRequest {
  /** The operation, so one key can not be replayed against another endpoint. */
  scope: string;
  key: string | undefined;
  /** What identifies the request: a retry must send the same. */
  request: unknown;
}

class KeyTakenElsewhere extends Error {}

function fingerprintOf(request: unknown): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}

/**
 * A replayed answer as this request gives it: the first answer, except that an error object names
 * this request in `request_id`, as its x-request-id header does (an error's request_id always
 * matches the header, so a client can quote either).
 */
function replayed(status: number, body: unknown, requestId: string | null): Answer {
  const isErrorObject = status >= 400 && typeof body === 'object' && body !== null && 'request_id' in body;
  return { status, body: isErrorObject && requestId !== null ? { ...body, request_id: requestId } : body };
}

/**
 * Runs `work` in one transaction, at most once per Idempotency-Key: the key is taken first, in
 * the same transaction, so a retry (even a concurrent one) gets the first answer and moves no
 * counter again. Without a key, `work` simply runs.
 */
export async function runIdempotently(
  ctx: ProjectContext,
  idempotency: IdempotencyRequest,
  work: (store: ProjectStore) => Promise<Answer>,
): Promise<Answer> {
  const { scope, key } = idempotency;
  if (key === undefined) return ctx.store.transaction(work);
  const fingerprint = fingerprintOf(idempotency.request);
  try {
    return await ctx.store.transaction(async (store) => {
      if (!(await store.idempotency.claim(scope, key, fingerprint, ctx.clock.now().toISOString()))) {
        throw new KeyTakenElsewhere();
      }
      const answer = await work(store);
      await store.idempotency.complete(scope, key, answer.status, answer.body);
      return answer;
    });
  } catch (error) {
    if (!(error instanceof KeyTakenElsewhere)) throw error;
  }
  const stored = await ctx.store.idempotency.find(scope, key);
  if (!stored || stored.status_code === 0) {
    throw new AppError('service_unavailable', {
      details: 'A request with this Idempotency-Key is still running; retry',
    });
  }
  if (stored.fingerprint !== fingerprint) {
    throw new AppError('idempotency_key_reused', {
      details: `Idempotency-Key ${key} was used for a different request`,
    });
  }
  return replayed(stored.status_code, stored.response, ctx.requestId);
}
