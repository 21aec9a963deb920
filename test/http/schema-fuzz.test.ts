import fc from 'fast-check';
import type { HTTPMethods } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { describeRequest, type FuzzRequest, requestArbitrary, shortText } from '../support/fuzz-requests.js';
import { seedFuzzData } from '../support/fuzz-seed.js';
import {
  type ApiRoute,
  databaseOf,
  errorShapeProblems,
  type InjectedAnswer,
  readRouteTable,
} from '../support/route-table.js';
import type { KnownValues } from '../support/schema-arbitraries.js';
import { type StoreWatcher, watchStore } from '../support/store-watcher.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Invariant 5, proven by generated requests: for every route, requests built from its own schemas
 * (valid-looking, mutated, hostile) never get a 5xx; every error is Voucherify's error object; and
 * a refused request leaves every row of every table as it was.
 *
 * `VOUCH_SOAK=1` sends ten times as many. A failure prints its seed; `VOUCH_FUZZ_SEED=<seed>`
 * generates the same requests again.
 */

const SOAK = process.env.VOUCH_SOAK === '1';
/**
 * Requests per route and database; PostgreSQL answers (and hashes tables) slower, so it gets fewer.
 * Each run draws a new seed, so CI explores further run after run; `npm run soak` goes deep at once.
 */
const RUNS: Record<string, number> = { sqlite: 50, postgres: 25 };
const SOAK_FACTOR = 10;
const SEED = process.env.VOUCH_FUZZ_SEED ? Number(process.env.VOUCH_FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);

/** Routes that remove what the others need: they run last. */
function isDestructive(route: ApiRoute): boolean {
  return route.method === 'DELETE' || route.pattern.endsWith('/permanent-deletion');
}

/**
 * A refused redemption or publication is stored on purpose (an `rf_` redemption or a FAILURE
 * publication, as Voucherify records failed attempts) and answered with a 400 naming it: that 4xx
 * may change the store.
 */
function isRecordedRefusal(answer: InjectedAnswer): boolean {
  try {
    const body = JSON.parse(answer.body) as { resource_type?: unknown; resource_id?: unknown };
    const id = String(body.resource_id);
    return (
      (body.resource_type === 'redemption' && id.startsWith('rf_')) ||
      (body.resource_type === 'publication' && id.startsWith('pub_'))
    );
  } catch {
    return false;
  }
}

describe.each(TEST_DATABASES)('requests generated from the route schemas on $name', (database) => {
  const runs = RUNS[database.name] ?? 15;
  const numRuns = SOAK ? runs * SOAK_FACTOR : runs;
  let server: TestServer;
  let known: KnownValues;
  let routes: ApiRoute[];
  let watcher: StoreWatcher;
  let sent = 0;
  /** Accepted requests the watcher saw change the store: proof that it sees changes at all. */
  let changing = 0;
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    // Storefront redemption on, so the client routes reach the use cases too.
    server = await startTestServer(database, { settings: { client_redeem_enabled: true } });
    // Queued work runs when the fuzzer says so, so the store changes only under a request it watches.
    await server.worker.stop();
    known = await seedFuzzData(server);
    routes = readRouteTable(server.app).routes;
    watcher = await watchStore(server.store);
  });
  afterAll(async () => {
    const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`);
    console.info(
      `schema fuzzer on ${database.name}, seed ${SEED}: ${sent} requests (${byStatus.join(' ')}), ` +
        `${changing} changed the store`,
    );
    await server?.close();
  });

  const keyHeaders = (route: ApiRoute): Record<string, string> => {
    switch (route.keyKind) {
      case 'server':
        return server.serverHeaders();
      case 'client':
        return server.clientHeaders();
      case 'management':
        return server.managementHeaders();
      default:
        return {};
    }
  };

  /** Sends the request (twice when it says so); throws what is wrong with an answer or with the store after it. */
  async function check(route: ApiRoute, request: FuzzRequest): Promise<void> {
    for (let attempt = request.twice ? 2 : 1; attempt > 0; attempt--) await sendAndCheck(route, request);
  }

  async function sendAndCheck(route: ApiRoute, request: FuzzRequest): Promise<void> {
    const answer = await server.app.inject({
      method: request.method as HTTPMethods,
      url: request.url,
      headers: { ...keyHeaders(route), ...request.headers },
      ...(request.payload === undefined ? {} : { payload: request.payload }),
    });
    sent++;
    statuses.set(answer.statusCode, (statuses.get(answer.statusCode) ?? 0) + 1);
    const problems: string[] = [];
    if (answer.statusCode >= 500) problems.push(`answered ${answer.statusCode}`);
    if (answer.statusCode >= 400) problems.push(...errorShapeProblems(answer, answer.statusCode));
    const refused = answer.statusCode >= 400 && !isRecordedRefusal(answer);
    if (!refused) await server.worker.runPending();
    const { changed } = await watcher.changesSince();
    if (refused && changed.length > 0) problems.push(`refused, yet changed ${changed.join(', ')}`);
    if (!refused && changed.length > 0) changing++;
    if (problems.length > 0) {
      throw new Error(
        `${describeRequest(request)}\n→ ${answer.statusCode} ${shortText(answer.body)}\n${problems.join('\n')}`,
      );
    }
  }

  /** Every route's property, each run to the end, so one failing route does not hide another. */
  async function fuzz(selected: ApiRoute[]): Promise<string[]> {
    const failures: string[] = [];
    for (const route of selected) {
      try {
        await fc.assert(
          fc.asyncProperty(requestArbitrary(route, known), (request) => check(route, request)),
          { numRuns, seed: SEED, includeErrorInReport: true },
        );
      } catch (error) {
        failures.push(`${route.method} ${route.pattern}: ${(error as Error).message}`);
      }
    }
    return failures;
  }

  it('watches the store exactly: committed writes that change content, and nothing rolled back', async () => {
    const db = databaseOf(server.store);
    const customer = known.customer_id?.[0] ?? '';
    await sql`update customers set name = name where id = ${customer}`.execute(db);
    expect(await watcher.changesSince()).toEqual({ written: ['customers'], changed: [] });
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`update customers set name = 'rolled back' where id = ${customer}`.execute(trx);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await watcher.changesSince()).toEqual({ written: [], changed: [] });
    await sql`update customers set name = 'Fuzz!' where id = ${customer}`.execute(db);
    expect((await watcher.changesSince()).changed).toEqual([expect.stringMatching(/^customers \((\d+) → \1 rows\)$/)]);
  });

  it('answers requests generated for every route without a 5xx, and refusals change nothing', async () => {
    const failures = await fuzz(routes.filter((route) => !isDestructive(route)));
    expect(failures).toEqual([]);
  }, 900_000);

  it('does the same for the routes that delete, after the others', async () => {
    const destructive = routes.filter(isDestructive);
    expect(destructive.length).toBeGreaterThan(5);
    expect(await fuzz(destructive)).toEqual([]);
  }, 900_000);

  it('sent thousands of requests over every kind of key', () => {
    expect(new Set(routes.map((route) => route.keyKind))).toEqual(
      new Set(['server', 'client', 'management', 'public']),
    );
    expect(sent).toBeGreaterThanOrEqual(routes.length * numRuns);
    // Proof that the watcher sees changes: many accepted writes changed the store. How many
    // depends on the seed: with 25 runs a route, PostgreSQL runs saw between 153 and 225.
    expect(changing).toBeGreaterThan(routes.length / 2);
  });
});
