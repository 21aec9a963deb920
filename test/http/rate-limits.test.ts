import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import VoucherifySdk from '@voucherify/sdk';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TrafficLimits } from '../../src/app/security/traffic-limits.js';
import { fixedClock } from '../../src/app/system-clock.js';
import { assembleServer } from '../../src/cli/assemble-server.js';
import type { RedisCounterOptions } from '../../src/store/counters/redis-window-counters.js';
import { TEST_DATABASES } from '../support/databases.js';
import {
  deleteRedisCounters,
  freshRedisCounters,
  REDIS_AVAILABLE,
  RedisRelay,
  TEST_REDIS_URL,
} from '../support/rate-limit-redis.js';
import { errorShapeProblems, type InjectedAnswer } from '../support/route-table.js';
import { startTestServer, type TestProject, type TestServer, TRUSTED_ORIGIN } from '../support/test-server.js';
import { freePort, startVouch } from '../support/vouch-process.js';
import { storeVoucher } from '../support/voucher-fixtures.js';

const { VoucherifyServerSide, VoucherifyClientSide } = VoucherifySdk;

const PER_KEY = 5;
const PER_ADDRESS = 8;
const WINDOW_SECONDS = 60;
const LIMITS: TrafficLimits = {
  requests: { perKey: PER_KEY, perAddress: PER_ADDRESS, windowSeconds: WINDOW_SECONDS },
  guesses: { perAddress: 0, perClientKey: 0 },
};
/** The test proxy: X-Forwarded-For from 127.0.0.1 names the client, so each test can be its own address. */
const TRUST_LOCAL_PROXY = ['loopback'];

interface CounterBackend {
  name: string;
  /** Counters of their own for one suite; undefined counts in memory. */
  redis(): RedisCounterOptions | undefined;
}

const BACKENDS: CounterBackend[] = [
  { name: 'memory', redis: () => undefined },
  ...(REDIS_AVAILABLE ? [{ name: 'Redis', redis: freshRedisCounters }] : []),
];

let lastAddress = 0;
/** A client address no other test uses (TEST-NET-3), so each test starts with fresh address counters. */
function newAddress(): string {
  lastAddress++;
  return `203.0.113.${lastAddress}`;
}

async function call(
  url: string,
  path: string,
  headers: Record<string, string>,
  address: string,
): Promise<InjectedAnswer> {
  const response = await fetch(`${url}${path}`, { headers: { ...headers, 'x-forwarded-for': address } });
  return { statusCode: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
}

function limitHeaders(answer: InjectedAnswer) {
  return {
    limit: answer.headers['x-rate-limit-limit'],
    remaining: answer.headers['x-rate-limit-remaining'],
    retryAfter: answer.headers['retry-after'],
  };
}

function detailsOf(answer: InjectedAnswer): string {
  return String((JSON.parse(answer.body) as { details?: string }).details);
}

describe.each(TEST_DATABASES)('rate limits on $name', (database) => {
  describe.each(BACKENDS)('counted in $name', (backend) => {
    const clock = fixedClock('2030-01-01T00:00:00.000Z');
    const redis = backend.redis();
    let server: TestServer;
    /** Further processes some tests start beside `server`. */
    const started: FastifyInstance[] = [];

    beforeAll(async () => {
      server = await startTestServer(database, {
        clock,
        traffic: { limits: LIMITS, redis, trustProxy: TRUST_LOCAL_PROXY },
      });
    });
    afterAll(async () => {
      await Promise.all(started.map((app) => app.close()));
      await server?.close();
      if (redis) await deleteRedisCounters(redis);
    });

    const customers = (project: TestProject, address: string) =>
      call(server.url, '/v1/customers', server.serverHeaders(project), address);

    it('counts x-rate-limit-remaining down, lets the limit-th request through and refuses the next with 429', async () => {
      const project = await server.createProject();
      const address = newAddress();
      for (let i = 1; i <= PER_KEY; i++) {
        const answer = await customers(project, address);
        expect(answer.statusCode).toBe(200);
        expect(limitHeaders(answer)).toEqual({
          limit: String(PER_KEY),
          remaining: String(PER_KEY - i),
          retryAfter: undefined,
        });
      }
      const refused = await customers(project, address);
      expect(errorShapeProblems(refused, 429, 'too_many_requests')).toEqual([]);
      expect(JSON.parse(refused.body)).toMatchObject({
        code: 429,
        key: 'too_many_requests',
        message: 'Too many requests',
      });
      expect(detailsOf(refused)).toMatch(/^This API key may send 5 requests per 60 seconds; retry in \d+ seconds/);
      const headers = limitHeaders(refused);
      expect(headers).toMatchObject({ limit: String(PER_KEY), remaining: '0' });
      expect(Number(headers.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(headers.retryAfter)).toBeLessThanOrEqual(WINDOW_SECONDS);
    });

    it('tells a refused client when its window ends, and lets it through once it has', async () => {
      clock.advance(WINDOW_SECONDS * 1000 - (clock.now().getTime() % (WINDOW_SECONDS * 1000)));
      const project = await server.createProject();
      const address = newAddress();
      for (let i = 0; i < PER_KEY; i++) expect((await customers(project, address)).statusCode).toBe(200);
      expect(limitHeaders(await customers(project, address))).toMatchObject({ retryAfter: '60' });

      clock.advance(45_000);
      expect(limitHeaders(await customers(project, address))).toMatchObject({ remaining: '0', retryAfter: '15' });

      clock.advance(15_000);
      const again = await customers(project, address);
      expect(again.statusCode).toBe(200);
      expect(limitHeaders(again)).toEqual({
        limit: String(PER_KEY),
        remaining: String(PER_KEY - 1),
        retryAfter: undefined,
      });
    });

    it('limits one address across every key, and before the key is checked', async () => {
      const [first, second, third] = [
        await server.createProject(),
        await server.createProject(),
        await server.createProject(),
      ];
      const address = newAddress();
      for (let i = 0; i < PER_ADDRESS / 2; i++) {
        expect((await customers(first, address)).statusCode).toBe(200);
        expect((await customers(second, address)).statusCode).toBe(200);
      }
      const refused = await customers(third, address);
      expect(errorShapeProblems(refused, 429, 'too_many_requests')).toEqual([]);
      expect(limitHeaders(refused)).toMatchObject({ limit: String(PER_ADDRESS), remaining: '0' });
      expect(detailsOf(refused)).toMatch(/^This address may send 8 requests per 60 seconds/);
      // A wrong key from that address is refused for the address, not checked at all.
      const badKey = await call(server.url, '/v1/customers', { 'x-app-id': 'nobody', 'x-app-token': 'wrong' }, address);
      expect(badKey.statusCode).toBe(429);
      // The same key from another address goes on.
      expect((await customers(third, newAddress())).statusCode).toBe(200);
    });

    it('counts requests with a bad key against their address, so floods of guessed secrets stop', async () => {
      const address = newAddress();
      const headers = { 'x-app-id': server.project.serverKey.app_id, 'x-app-token': 'not-the-secret' };
      for (let i = 1; i <= PER_ADDRESS; i++) {
        const answer = await call(server.url, '/v1/customers', headers, address);
        expect(answer.statusCode).toBe(401);
        expect(limitHeaders(answer)).toMatchObject({ limit: String(PER_ADDRESS), remaining: String(PER_ADDRESS - i) });
      }
      expect((await call(server.url, '/v1/customers', headers, address)).statusCode).toBe(429);
      // The key itself was never spent: its owner is not locked out by someone who named its app id.
      const owner = await customers(server.project, newAddress());
      expect(owner.statusCode).toBe(200);
      expect(limitHeaders(owner)).toMatchObject({ limit: String(PER_KEY) });
    });

    it("leaves other keys alone when one key's limit is spent, wherever that key calls from", async () => {
      const [spent, other] = [await server.createProject(), await server.createProject()];
      const address = newAddress();
      for (let i = 0; i < PER_KEY; i++) await customers(spent, address);
      expect((await customers(spent, address)).statusCode).toBe(429);
      expect((await customers(spent, newAddress())).statusCode).toBe(429);
      const answer = await customers(other, newAddress());
      expect(answer.statusCode).toBe(200);
      expect(limitHeaders(answer)).toMatchObject({ limit: String(PER_KEY), remaining: String(PER_KEY - 1) });
    });

    it('never limits /health, /metrics or CORS preflights', async () => {
      const address = newAddress();
      const preflight = { origin: TRUSTED_ORIGIN, 'access-control-request-method': 'GET', 'x-forwarded-for': address };
      for (let i = 0; i < PER_ADDRESS * 2; i++) {
        for (const path of ['/health', '/metrics']) {
          const answer = await call(server.url, path, {}, address);
          expect(answer.statusCode).toBe(200);
          expect(answer.headers['x-rate-limit-limit']).toBeUndefined();
        }
        const answer = await fetch(`${server.url}/client/v1/validate`, { method: 'OPTIONS', headers: preflight });
        expect(answer.status).toBe(204);
      }
    });

    it('works with the official SDK: it reads the limit headers and surfaces the 429 as an error with the key', async () => {
      const project = await server.createProject();
      const sdk = VoucherifyServerSide({
        applicationId: project.serverKey.app_id,
        secretKey: project.serverKey.app_token,
        apiUrl: server.url,
        customHeaders: { 'x-forwarded-for': newAddress() },
      });
      await sdk.customers.list({});
      expect(sdk.apiLimitsHandler.getRateLimit()).toBe(PER_KEY);
      expect(sdk.apiLimitsHandler.getRateLimitRemaining()).toBe(PER_KEY - 1);
      for (let i = 1; i < PER_KEY; i++) await sdk.customers.list({});
      expect(sdk.apiLimitsHandler.getRateLimitRemaining()).toBe(0);
      await expect(sdk.customers.list({})).rejects.toMatchObject({
        code: 429,
        key: 'too_many_requests',
        message: 'Too many requests',
      });

      await storeVoucher(server, { code: 'RATE-LIMITED-SHOPPER' }, project);
      const storefront = VoucherifyClientSide({
        clientApplicationId: project.clientKey.app_id,
        clientSecretKey: project.clientKey.app_token,
        apiUrl: server.url,
        origin: TRUSTED_ORIGIN,
        customHeaders: { 'x-forwarded-for': newAddress() },
      });
      for (let i = 0; i < PER_KEY; i++) {
        expect(await storefront.validate({ code: 'RATE-LIMITED-SHOPPER' })).toMatchObject({ valid: true });
      }
      await expect(storefront.validate({ code: 'RATE-LIMITED-SHOPPER' })).rejects.toMatchObject({
        code: 429,
        key: 'too_many_requests',
      });
    });

    it('counts everyone behind an untrusted proxy as one client, and warns once', async () => {
      const { app } = await assembleServer(server.store, {
        publicUrl: 'http://127.0.0.1:0',
        clock,
        bodyLimitBytes: 1024 * 1024,
        logLevel: 'silent',
        limits: LIMITS,
        redis: redis && { ...redis, keyPrefix: `${redis.keyPrefix}untrusted:` },
        trustProxy: false,
      });
      started.push(app);
      const warn = vi.spyOn(app.log, 'warn');
      const url = await app.listen({ host: '127.0.0.1', port: 0 });
      const projects = [await server.createProject(), await server.createProject()];
      const answers: InjectedAnswer[] = [];
      for (let i = 0; i <= PER_ADDRESS; i++) {
        answers.push(await call(url, '/v1/customers', server.serverHeaders(projects[i % 2]), newAddress()));
      }
      expect(answers.map((answer) => answer.statusCode)).toEqual([...Array(PER_ADDRESS).fill(200), 429]);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0]?.[1]).toMatch(/X-Forwarded-For from an address VOUCH_TRUST_PROXY does not trust/);
    });

    describe.runIf(redis !== undefined)('shared through Redis', () => {
      /** Another Vouch process: its own app over the same database, counting in `counters`. */
      async function anotherProcess(counters: RedisCounterOptions): Promise<{ app: FastifyInstance; url: string }> {
        const { app } = await assembleServer(server.store, {
          publicUrl: 'http://127.0.0.1:0',
          clock,
          keyCacheTtlMs: 0,
          bodyLimitBytes: 1024 * 1024,
          logLevel: 'silent',
          limits: LIMITS,
          redis: counters,
          trustProxy: TRUST_LOCAL_PROXY,
        });
        started.push(app);
        await app.listen({ host: '127.0.0.1', port: 0 });
        return { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
      }

      it('gives two processes sharing one Redis one limit between them', async () => {
        const other = await anotherProcess(redis as RedisCounterOptions);
        const project = await server.createProject();
        const address = newAddress();
        const urls = [server.url, other.url];
        for (let i = 1; i <= PER_KEY; i++) {
          const answer = await call(urls[i % 2] as string, '/v1/customers', server.serverHeaders(project), address);
          expect(answer.statusCode).toBe(200);
          expect(limitHeaders(answer).remaining).toBe(String(PER_KEY - i));
        }
        for (const url of urls) {
          expect((await call(url, '/v1/customers', server.serverHeaders(project), address)).statusCode).toBe(429);
        }
      });

      it('lets requests through uncounted while Redis is unreachable, warns, and counts again once it is back', async () => {
        const relay = new RedisRelay(await freePort());
        await relay.open();
        const counters = { ...freshRedisCounters(), url: relay.url };
        try {
          const other = await anotherProcess(counters);
          const warn = vi.spyOn(other.app.log, 'warn');
          const project = await server.createProject();
          const address = newAddress();
          const ask = () => call(other.url, '/v1/customers', server.serverHeaders(project), address);
          expect(limitHeaders(await ask())).toMatchObject({ remaining: String(PER_KEY - 1) });

          await relay.cut();
          for (let i = 0; i < PER_KEY * 2; i++) {
            const answer = await ask();
            expect(answer.statusCode).toBe(200);
            expect(answer.headers['x-rate-limit-limit']).toBeUndefined();
          }
          // One warning, not one per request: the clock stands still, inside the warning interval.
          expect(warn).toHaveBeenCalledTimes(1);
          expect(warn.mock.calls[0]?.[1]).toMatch(/counters are unreachable/);

          await relay.open();
          let answer = await ask();
          for (let i = 0; i < 100 && answer.headers['x-rate-limit-limit'] === undefined; i++) {
            await new Promise((resolve) => setTimeout(resolve, 200));
            answer = await ask();
          }
          // The first request was counted before the outage; the rest went uncounted.
          expect(limitHeaders(answer)).toMatchObject({ limit: String(PER_KEY), remaining: String(PER_KEY - 2) });
        } finally {
          await relay.cut();
          await deleteRedisCounters({ ...counters, url: redis?.url ?? '' });
        }
      });

      it('starts and answers while Redis is down', async () => {
        const nobody = await freePort();
        const other = await anotherProcess({ url: `redis://127.0.0.1:${nobody}`, keyPrefix: 'vouch-test:down:' });
        const answer = await call(other.url, '/v1/customers', server.serverHeaders(), newAddress());
        expect(answer.statusCode).toBe(200);
      });
    });
  });
});

describe('vouch serve', () => {
  it('reads its limits from the environment, counts in VOUCH_REDIS and believes a proxy on the same machine', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vouch-rate-limits-'));
    const key = { appId: 'limited-shop', secret: 'limited-secret-0123456789' };
    const vouch = await startVouch(
      {
        VOUCH_DB: join(dir, 'vouch.db'),
        VOUCH_APP_ID: key.appId,
        VOUCH_SECRET_KEY: key.secret,
        VOUCH_RATE_LIMIT_PER_KEY: '3',
        VOUCH_RATE_LIMIT_PER_IP: '0',
        VOUCH_RATE_LIMIT_WINDOW_SECONDS: '3600',
        ...(REDIS_AVAILABLE ? { VOUCH_REDIS: TEST_REDIS_URL } : {}),
      },
      { startupTimeoutMs: 60_000 },
    );
    try {
      const headers = { 'x-app-id': key.appId, 'x-app-token': key.secret };
      for (let i = 1; i <= 3; i++) {
        const answer = await call(vouch.url, '/v1/customers', headers, newAddress());
        expect(answer.statusCode).toBe(200);
        expect(limitHeaders(answer)).toMatchObject({ limit: '3', remaining: String(3 - i) });
      }
      const refused = await call(vouch.url, '/v1/customers', headers, newAddress());
      expect(errorShapeProblems(refused, 429, 'too_many_requests')).toEqual([]);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(3600);
      // No warning of an unreachable Redis, nor of X-Forwarded-For from an untrusted proxy.
      expect(vouch.output()).not.toMatch(/unreachable|X-Forwarded-For/);
    } finally {
      await vouch.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
