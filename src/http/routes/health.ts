import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Store } from '../../app/ports.js';
import { AppError } from '../../domain/errors.js';
import type { AppDeps } from '../app-deps.js';

export interface HealthOptions {
  /**
   * A load balancer needs an answer, not a hang: a database that has not answered by then counts
   * as unavailable (a server that froze keeps its connections open and never answers).
   */
  pingTimeoutMs?: number;
}

const DEFAULT_PING_TIMEOUT_MS = 2000;

/** Why the database is not usable now, or undefined when it answered in time. */
async function databaseProblem(store: Store, timeoutMs: number): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const tooSlow = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`The database did not answer within ${timeoutMs} ms`), timeoutMs);
  });
  const answered = store.ping().then(
    () => undefined,
    () => 'The database cannot be reached',
  );
  try {
    return await Promise.race([answered, tooSlow]);
  } finally {
    clearTimeout(timer);
  }
}

/** `GET /health`: no key needed; 503 with the reason while the database cannot be used. */
export function registerHealthRoute(
  app: FastifyInstance,
  deps: Pick<AppDeps, 'store'>,
  options: HealthOptions = {},
): void {
  const timeoutMs = options.pingTimeoutMs ?? DEFAULT_PING_TIMEOUT_MS;
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness and database reachability',
        response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.String() }) },
      },
    },
    async () => {
      const problem = await databaseProblem(deps.store, timeoutMs);
      if (problem !== undefined) throw new AppError('service_unavailable', { details: problem });
      return { status: 'ok' as const, database: deps.store.dialect };
    },
  );
}
