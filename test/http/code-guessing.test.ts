import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuessLimits, TrafficLimits } from '../../src/app/security/traffic-limits.js';
import { fixedClock } from '../../src/app/system-clock.js';
import { assembleServer } from '../../src/cli/assemble-server.js';
import { loadConfig } from '../../src/config.js';
import type { RedisCounterOptions } from '../../src/store/counters/redis-window-counters.js';
import { TEST_DATABASES } from '../support/databases.js';
import { deleteRedisCounters, freshRedisCounters, REDIS_AVAILABLE } from '../support/rate-limit-redis.js';
import { errorShapeProblems, type InjectedAnswer } from '../support/route-table.js';
import { startTestServer, type TestProject, type TestServer } from '../support/test-server.js';
import { storeVoucher } from '../support/voucher-fixtures.js';

const HOUR_MS = 3_600_000;
/** What `vouch serve` guards with when the environment says nothing. */
const DEFAULT_GUESS_LIMITS = loadConfig({}).limits.guesses;
/** The campaign the issue asks about: 100,000 codes of 8 characters from 62 (the default charset). */
const KEYSPACE = 62 ** 8;
const CAMPAIGN_CODES = 100_000;
const REAL_CODE = 'REAL-CODE-2030';
const TRUST_LOCAL_PROXY = ['loopback'];

function guessingOnly(guesses: GuessLimits): TrafficLimits {
  return { requests: { perKey: 0, perAddress: 0, windowSeconds: 60 }, guesses };
}

interface CounterBackend {
  name: string;
  redis(): RedisCounterOptions | undefined;
}

const BACKENDS: CounterBackend[] = [
  { name: 'memory', redis: () => undefined },
  ...(REDIS_AVAILABLE ? [{ name: 'Redis', redis: freshRedisCounters }] : []),
];

/** A code nobody issued: 8 random alphanumerics, as a guesser would try. */
function unknownCode(): string {
  return randomBytes(6).toString('base64url').replace(/[-_]/g, 'x').slice(0, 8);
}

async function answerOf(response: Response): Promise<InjectedAnswer> {
  return { statusCode: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
}

/** One storefront caller: a client-side key, from one address. */
function storefront(server: { url: string }, headers: Record<string, string>, address: string) {
  const withAddress = { ...headers, 'x-forwarded-for': address };
  return {
    validate: async (code: string) =>
      answerOf(
        await fetch(`${server.url}/client/v1/validate?code=${encodeURIComponent(code)}`, { headers: withAddress }),
      ),
    redeem: async (code: string) =>
      answerOf(
        await fetch(`${server.url}/client/v1/redeem?code=${encodeURIComponent(code)}`, {
          method: 'POST',
          headers: { ...withAddress, 'content-type': 'application/json' },
          body: '{}',
        }),
      ),
  };
}

describe.each(TEST_DATABASES)('the code-guessing defence on $name', (database) => {
  describe.each(BACKENDS)('counted in $name', (backend) => {
    const clock = fixedClock('2030-01-01T00:00:00.000Z');
    const redis = backend.redis();
    let server: TestServer;
    const started: FastifyInstance[] = [];

    beforeAll(async () => {
      server = await startTestServer(database, {
        clock,
        settings: { client_redeem_enabled: true },
        traffic: { limits: guessingOnly(DEFAULT_GUESS_LIMITS), redis, trustProxy: TRUST_LOCAL_PROXY },
      });
      await storeVoucher(server, { code: REAL_CODE });
    });
    afterAll(async () => {
      await Promise.all(started.map((app) => app.close()));
      await server?.close();
      if (redis) await deleteRedisCounters(redis);
    });

    /** Another server over the same database with limits of its own, small enough to reach quickly. */
    async function serverWith(guesses: GuessLimits, counters = redis): Promise<{ url: string }> {
      const { app } = await assembleServer(server.store, {
        publicUrl: 'http://127.0.0.1:0',
        clock,
        keyCacheTtlMs: 0,
        bodyLimitBytes: 1024 * 1024,
        logLevel: 'silent',
        limits: guessingOnly(guesses),
        redis: counters && { ...counters, keyPrefix: `${counters.keyPrefix}${started.length}:` },
        trustProxy: TRUST_LOCAL_PROXY,
      });
      started.push(app);
      await app.listen({ host: '127.0.0.1', port: 0 });
      return { url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
    }

    it('holds an attacker with one address and one key to the configured guesses per hour, while shoppers get through', async () => {
      const attacker = storefront(server, server.clientHeaders(), '198.51.100.66');
      const shopper = storefront(server, server.clientHeaders(), '198.51.100.7');
      const HOURS = 4;
      const STEP_MS = 2 * 60_000;
      const IN_FLIGHT = 8;
      // From the top of an hour, so the attack spans whole fixed windows and the bound is exact.
      clock.set(new Date(Math.ceil(clock.now().getTime() / HOUR_MS) * HOUR_MS));
      const start = clock.now().getTime();
      const realStart = performance.now();
      let accepted = 0;
      let refused = 0;
      let checkedWhileBlocked = 0;

      // The attacker fires IN_FLIGHT unknown codes at once, as fast as answers come back, while the
      // test moves the clock on two minutes per round: hours of attack in a few seconds.
      while (clock.now().getTime() - start < HOURS * HOUR_MS) {
        const answers = await Promise.all(Array.from({ length: IN_FLIGHT }, () => attacker.validate(unknownCode())));
        for (const answer of answers) {
          if (answer.statusCode === 404) {
            accepted++;
            expect(JSON.parse(answer.body)).toMatchObject({ key: 'not_found', resource_type: 'voucher' });
          } else {
            refused++;
            expect(errorShapeProblems(answer, 429, 'too_many_requests')).toEqual([]);
            const retryAfter = Number(answer.headers['retry-after']);
            expect(retryAfter).toBeGreaterThanOrEqual(1);
            expect(retryAfter).toBeLessThanOrEqual(2 * 3600);
          }
        }
        const blocked = answers.at(-1)?.statusCode === 429;
        if (blocked && checkedWhileBlocked < 3) {
          checkedWhileBlocked++;
          // While blocked, a real code is refused to the attacker too: otherwise a pass would tell it the code exists.
          expect((await attacker.validate(REAL_CODE)).statusCode).toBe(429);
          const legitimate = await shopper.validate(REAL_CODE);
          expect(legitimate.statusCode).toBe(200);
          expect(JSON.parse(legitimate.body)).toMatchObject({ valid: true, code: REAL_CODE });
        }
        clock.advance(STEP_MS);
      }
      const realSeconds = (performance.now() - realStart) / 1000;

      const perHour = accepted / HOURS;
      const expectedHours = (KEYSPACE + 1) / (CAMPAIGN_CODES + 1) / perHour;
      console.log(
        `code guessing (${database.name}, ${backend.name}): one address got ${accepted} unknown codes through in ` +
          `${HOURS} hours (${perHour.toFixed(1)} an hour; ${refused} refused; ${((accepted + refused) / realSeconds) | 0} ` +
          `requests/s for ${realSeconds.toFixed(1)} s real time). At that rate one of ${CAMPAIGN_CODES.toLocaleString('en-US')} ` +
          `valid 8-character alphanumeric codes takes ${Math.round(expectedHours).toLocaleString('en-US')} hours ` +
          `(${Math.round(expectedHours / (24 * 365.25)).toLocaleString('en-US')} years) to find on average.`,
      );
      expect(checkedWhileBlocked).toBe(3);
      // Every fixed hour keeps at most the limit, so over whole hours the bound is exact.
      expect(accepted).toBeLessThanOrEqual(DEFAULT_GUESS_LIMITS.perAddress * HOURS);
      // And the defence is a limit, not a wall: the attacker was held to it, not far below.
      expect(accepted).toBeGreaterThanOrEqual(DEFAULT_GUESS_LIMITS.perAddress * (HOURS - 1));
      expect(refused).toBeGreaterThan(accepted);
    }, 120_000);

    it('counts only unknown codes: a shopper validating real codes is never held up', async () => {
      clock.advance(3 * HOUR_MS);
      const shopper = storefront(server, server.clientHeaders(), '198.51.100.8');
      for (let i = 0; i < DEFAULT_GUESS_LIMITS.perAddress + 20; i++) {
        expect((await shopper.validate(REAL_CODE)).statusCode).toBe(200);
      }
      // And the guesses it has left are all of them.
      for (let i = 0; i < DEFAULT_GUESS_LIMITS.perAddress; i++) {
        expect((await shopper.validate(unknownCode())).statusCode).toBe(404);
      }
      expect((await shopper.validate(unknownCode())).statusCode).toBe(429);
    });

    it('blocks the whole client-side key, for every address and real codes too, past its own higher limit', async () => {
      clock.advance(3 * HOUR_MS);
      const small = await serverWith({ perAddress: 5, perClientKey: 12 });
      const spread = ['198.51.100.20', '198.51.100.21', '198.51.100.22'];
      let accepted = 0;
      for (const address of spread) {
        const bot = storefront(small, server.clientHeaders(), address);
        for (let i = 0; i < 5; i++) if ((await bot.validate(unknownCode())).statusCode === 404) accepted++;
      }
      expect(accepted).toBe(12);
      const freshShopper = storefront(small, server.clientHeaders(), '198.51.100.23');
      const refused = await freshShopper.validate(REAL_CODE);
      expect(errorShapeProblems(refused, 429, 'too_many_requests')).toEqual([]);
      expect(JSON.parse(refused.body).details).toMatch(
        /^Too many unknown codes from this client-side key; retry in \d+ seconds$/,
      );
      // Another project's key is not touched.
      const other: TestProject = server.otherProject;
      await storeVoucher(server, { code: REAL_CODE }, other);
      expect(
        (await storefront(small, server.clientHeaders(other), '198.51.100.23').validate(REAL_CODE)).statusCode,
      ).toBe(200);
    });

    it('counts unknown codes sent to /client/v1/redeem, and lets the caller in again once its hour has slid by', async () => {
      clock.advance(3 * HOUR_MS - (clock.now().getTime() % HOUR_MS));
      const small = await serverWith({ perAddress: 3, perClientKey: 0 });
      const bot = storefront(small, server.clientHeaders(), '198.51.100.30');
      for (let i = 0; i < 3; i++) expect((await bot.redeem(unknownCode())).statusCode).toBe(404);
      const refused = await bot.redeem(unknownCode());
      expect(refused.statusCode).toBe(429);
      // Three guesses at the start of this hour: in the next, they must slide a third of the way
      // out (3 × 2/3 + 1 ≤ 3) before one more fits.
      expect(refused.headers['retry-after']).toBe(String(3600 + 1200));
      clock.advance((3600 + 1200) * 1000 - 1000);
      expect((await bot.validate(REAL_CODE)).statusCode).toBe(429);
      clock.advance(1000);
      expect((await bot.validate(REAL_CODE)).statusCode).toBe(200);
      expect((await bot.redeem(unknownCode())).statusCode).toBe(404);
      expect((await bot.redeem(unknownCode())).statusCode).toBe(429);
    });
  });
});
