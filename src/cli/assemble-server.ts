import type { FastifyInstance } from 'fastify';
import { KeyAuthenticator } from '../app/auth/key-authenticator.js';
import type { Clock, Ids, Store } from '../app/ports.js';
import { randomIds } from '../app/random-ids.js';
import type { TrafficLimits } from '../app/security/traffic-limits.js';
import type { WindowCounters } from '../app/security/window-counters.js';
import { systemClock } from '../app/system-clock.js';
import type { TrustProxy } from '../config.js';
import { buildApp } from '../http/build-app.js';
import { AsyncActionWorker } from '../jobs/async-action-worker.js';
import { SegmentSweeper } from '../jobs/segment-sweeper.js';
import type { RedisCounterOptions } from '../store/counters/redis-window-counters.js';

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
  /** Rate limits and the code-guessing defence; absent, nothing is limited. */
  limits?: TrafficLimits;
  /** Count the limits in Redis, shared with every process pointed at it; absent, in memory. */
  redis?: RedisCounterOptions;
  trustProxy?: TrustProxy;
  /** Seconds between sweeps of time-dependent segments, started with the app; absent or 0, none run. */
  segmentSweepSeconds?: number;
  /** The built dashboard to serve; absent, the build `npm run build` made (dist/dashboard). */
  dashboardDir?: string;
}

export interface AssembledServer {
  app: FastifyInstance;
  worker: AsyncActionWorker;
  segmentSweeper: SegmentSweeper;
}

/** The one place the parts are wired together: `vouch serve`, the benchmarks and the tests use it. */
export async function assembleServer(store: Store, options: AssembleOptions): Promise<AssembledServer> {
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? randomIds;
  const worker = new AsyncActionWorker(store, clock, ids, { pollIntervalMs: options.workerPollIntervalMs });
  const counters = options.limits && options.redis ? await openRedisCounters(options.redis) : undefined;
  const app = await buildApp({
    store,
    clock,
    ids,
    work: worker,
    authenticator: new KeyAuthenticator(store, options.keyCacheTtlMs),
    bodyLimitBytes: options.bodyLimitBytes,
    logLevel: options.logLevel,
    publicUrl: options.publicUrl,
    limits: options.limits,
    counters,
    trustProxy: options.trustProxy,
    dashboardDir: options.dashboardDir,
  });
  worker.useLogger(app.log);
  if (counters) app.addHook('onClose', () => counters.close());
  const segmentSweeper = new SegmentSweeper(store, clock, ids, { intervalSeconds: options.segmentSweepSeconds ?? 0 });
  segmentSweeper.useLogger(app.log);
  // Started and stopped with the app, so `vouch serve` and every embedding get it without a call of their own.
  app.addHook('onReady', async () => segmentSweeper.start());
  app.addHook('onClose', () => segmentSweeper.stop());
  return { app, worker, segmentSweeper };
}

/** Loaded only when asked for: most installations run without Redis, and every CLI command loads this file. */
async function openRedisCounters(options: RedisCounterOptions): Promise<WindowCounters> {
  const { RedisWindowCounters } = await import('../store/counters/redis-window-counters.js');
  return new RedisWindowCounters(options);
}
