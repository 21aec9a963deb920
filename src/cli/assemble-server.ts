import type { FastifyInstance } from 'fastify';
import { KeyAuthenticator } from '../app/auth/key-authenticator.js';
import type { Clock, Ids, Store } from '../app/ports.js';
import { randomIds } from '../app/random-ids.js';
import { systemClock } from '../app/system-clock.js';
import { buildApp } from '../http/build-app.js';
import { AsyncActionWorker } from '../jobs/async-action-worker.js';

export interface AssembleOptions {
  logLevel: string;
  bodyLimitBytes: number;
  /** Where clients reach this server, for the links answers hand out. */
  publicUrl: string;
  clock?: Clock;
  ids?: Ids;
  /** How long keys stay cached; tests use 0 so a revoked key fails at once. */
  keyCacheTtlMs?: number;
  workerPollIntervalMs?: number;
}

export interface AssembledServer {
  app: FastifyInstance;
  worker: AsyncActionWorker;
}

/** The one place the parts are wired together: `vouch serve`, the benchmarks and the tests use it. */
export async function assembleServer(store: Store, options: AssembleOptions): Promise<AssembledServer> {
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? randomIds;
  const worker = new AsyncActionWorker(store, clock, ids, { pollIntervalMs: options.workerPollIntervalMs });
  const app = await buildApp({
    store,
    clock,
    ids,
    work: worker,
    authenticator: new KeyAuthenticator(store, options.keyCacheTtlMs),
    bodyLimitBytes: options.bodyLimitBytes,
    logLevel: options.logLevel,
    publicUrl: options.publicUrl,
  });
  return { app, worker };
}
