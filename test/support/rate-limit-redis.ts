import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { Redis } from 'ioredis';
import type { RedisCounterOptions } from '../../src/store/counters/redis-window-counters.js';

const REDIS_HOST = '127.0.0.1';
const REDIS_PORT = 6379;
export const TEST_REDIS_URL = `redis://${REDIS_HOST}:${REDIS_PORT}`;

/** Whether a Redis answers PING at the test address within a second. */
async function isRedisReachable(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: REDIS_HOST, port: REDIS_PORT });
    const done = (reachable: boolean) => {
      socket.destroy();
      resolve(reachable);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

export const REDIS_AVAILABLE = await isRedisReachable();

if (!REDIS_AVAILABLE) {
  if (process.env.CI === 'true') {
    throw new Error(`CI=true but no Redis answers at ${TEST_REDIS_URL}: the Redis rate-limit suites must run in CI`);
  }
  console.info(`Redis rate-limit suites skipped: start Redis on ${REDIS_HOST}:${REDIS_PORT} to run them`);
}

/**
 * Counters of their own in the shared test Redis: a prefix no other suite or run uses. The
 * timeout is generous because the tests count exactly: on a machine busy with other suites a
 * stalled event loop could time a command out, and the request would pass uncounted (failing
 * open, as it must in production).
 */
export function freshRedisCounters(): RedisCounterOptions {
  return { url: TEST_REDIS_URL, keyPrefix: `vouch-test:${randomBytes(6).toString('hex')}:`, commandTimeoutMs: 10_000 };
}

/** Deletes what a suite counted under its prefix (the keys expire anyway; this keeps a shared Redis tidy). */
export async function deleteRedisCounters(options: RedisCounterOptions): Promise<void> {
  const redis = new Redis(options.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${options.keyPrefix ?? ''}*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * A TCP relay in front of the test Redis that a test can cut and restore, to play an outage
 * without touching the Redis every other suite shares.
 */
export class RedisRelay {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async open(): Promise<void> {
    const server = createServer((client) => {
      const upstream = createConnection({ host: REDIS_HOST, port: REDIS_PORT });
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    server.listen(this.port, '127.0.0.1');
    await once(server, 'listening');
    this.server = server;
  }

  /** Stops listening and drops every connection, as a Redis that went away would. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
