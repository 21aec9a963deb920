/**
 * `npm run bench`: HTTP throughput and latency of the main routes on SQLite and (with
 * VOUCH_TEST_PG set) PostgreSQL, each next to the ceiling of a trivial JSON route of the same
 * server in the same run, validate with 1,000 rules on one voucher, and a stacked validation and
 * redemption of three redeemables (bench/stacked-over-http.ts); then the mixed checkout
 * load (also with four processes on PostgreSQL); then code generation and rules evaluated in
 * process, and the legacy promotions validation over 1,000 active tiers (bench/active-tiers.ts).
 * It prints figures; it never fails. BENCH_SECONDS sets each route run's length,
 * BENCH_MIXED_WINDOW_SECONDS and BENCH_MIXED_WINDOWS the mixed load's windows, and `--mixed-only`
 * (used by `npm run soak`) runs the mixed load alone.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCustomer } from '../src/app/customers/create-customer.js';
import { createProject } from '../src/app/projects/create-project.js';
import { randomIds } from '../src/app/random-ids.js';
import { systemClock } from '../src/app/system-clock.js';
import { assembleServer } from '../src/cli/assemble-server.js';
import type { DatabaseConfig } from '../src/config.js';
import { openStore } from '../src/store/open-store.js';
import { BENCH_CART, seedVouchers } from './bench-fixtures.js';
import { benchFourProcessesOnPostgres } from './four-processes.js';
import { type BenchFigures, measure, printFigures } from './http-bench.js';
import { MIXED_CODE_COUNT, MIXED_CODE_PREFIX, measureMixed, printMixed } from './mixed-bench.js';
import { measureRulesValidation, seedRulesVoucher } from './rules-over-http.js';
import { measureStacked, seedStack } from './stacked-over-http.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const mixedWindowSeconds = Number(process.env.BENCH_MIXED_WINDOW_SECONDS ?? 30);
const mixedWindows = Number(process.env.BENCH_MIXED_WINDOWS ?? 2);
const mixedOnly = process.argv.includes('--mixed-only');
const mixedTitle = `(${mixedWindows} windows of ${mixedWindowSeconds}s, 50 connections; 70% validate, 25% redeem, 5% rollback)`;
const VOUCHER_COUNT = 100_000;

/** Each main route alone, next to the trivial ceiling and the cart-echo floor. */
async function benchRoutes(label: string, url: string, headers: Record<string, string>, tierId: string): Promise<void> {
  const rows: BenchFigures[] = [];
  const ceiling = await measure('trivial JSON route (ceiling)', url, { path: '/bench/trivial' }, seconds);
  rows.push(ceiling);
  rows.push(await measure('GET /v1/customers/{source_id}', url, { path: '/v1/customers/bench-500', headers }, seconds));
  rows.push(await measure('GET /v1/customers?limit=10', url, { path: '/v1/customers?limit=10', headers }, seconds));
  rows.push(
    await measure(
      'POST /v1/customers (new)',
      url,
      {
        method: 'POST',
        path: '/v1/customers',
        headers,
        body: JSON.stringify({ source_id: `new-${label}-{n}`, name: 'New' }),
      },
      seconds,
    ),
  );
  rows.push(
    await measure(
      'POST cart echo (no key, no DB)',
      url,
      { method: 'POST', path: '/bench/echo-cart', body: BENCH_CART },
      seconds,
    ),
  );
  rows.push(
    await measure(
      `POST validate (${VOUCHER_COUNT / 1000}k codes)`,
      url,
      {
        method: 'POST',
        path: '/v1/vouchers/BENCH-{n}/validate',
        headers,
        body: BENCH_CART,
        sequence: { step: 7919, modulo: VOUCHER_COUNT },
      },
      seconds,
    ),
  );
  rows.push(
    await measure(
      'POST redemption (each code once)',
      url,
      {
        method: 'POST',
        path: '/v1/vouchers/BENCH-{n}/redemption',
        headers,
        body: BENCH_CART,
        sequence: { modulo: VOUCHER_COUNT },
      },
      seconds,
    ),
  );
  rows.push(await measureRulesValidation(url, headers, seconds));
  rows.push(...(await measureStacked(url, headers, tierId, seconds)));
  printFigures(`${label} (${seconds}s per scenario, 50 connections)`, rows, ceiling);
}

async function benchDatabase(label: string, database: DatabaseConfig, postgresSchema?: string): Promise<void> {
  const store = await openStore(database, postgresSchema ? { postgres: { schema: postgresSchema, poolSize: 20 } } : {});
  // The benchmarks follow no asset links, so the public URL is only a placeholder.
  const { app, worker } = await assembleServer(store, {
    bodyLimitBytes: 1024 * 1024,
    logLevel: 'silent',
    publicUrl: 'http://127.0.0.1',
  });
  // The ceiling: the same server, the same plugins and hooks, no key and no database.
  app.get('/bench/trivial', async () => ({ ok: true }));
  // The floor under every cart route: a POST that parses the same cart and answers a body the size
  // of a validation's, touching no key and no database. No route that reads a cart can beat it.
  const answerPadding = 'x'.repeat(1500);
  app.post('/bench/echo-cart', async (request) => ({ valid: true, cart: request.body, padding: answerPadding }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const created = await createProject(store, systemClock, randomIds, { name: 'bench' });
  const headers = { 'x-app-id': created.server_side_key.app_id, 'x-app-token': created.server_side_key.app_token };
  const ctx = {
    project: created.project,
    store: store.forProject(created.project.id),
    clock: systemClock,
    ids: randomIds,
    work: worker,
    requestId: null,
  };
  for (let i = 0; i < 1000; i++) await createCustomer(ctx, { source_id: `bench-${i}`, name: `Customer ${i}` });

  if (!mixedOnly) {
    await seedVouchers(ctx.store, 'BENCH-', VOUCHER_COUNT);
    await seedRulesVoucher(ctx);
    const tierId = await seedStack(ctx, url, headers);
    await benchRoutes(label, url, headers, tierId);
  }
  await seedVouchers(ctx.store, MIXED_CODE_PREFIX, MIXED_CODE_COUNT);
  const mixed = await measureMixed({
    urls: [url],
    headers,
    cart: BENCH_CART,
    windowSeconds: mixedWindowSeconds,
    windows: mixedWindows,
    residentBytes: () => process.memoryUsage().rss,
  });
  printMixed(`${label}, mixed load ${mixedTitle}`, mixed, mixedWindowSeconds);
  await app.close();
  await store.close();
}

const dir = mkdtempSync(join(tmpdir(), 'vouch-bench-'));
try {
  await benchDatabase('SQLite', { kind: 'sqlite', file: join(dir, 'bench.db') });
  const pgUrl = process.env.VOUCH_TEST_PG;
  if (pgUrl) {
    const schema = `vouch_bench_${Date.now().toString(36)}`;
    await benchDatabase('PostgreSQL', { kind: 'postgres', url: pgUrl }, schema);
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
    const fourProcesses = await benchFourProcessesOnPostgres(pgUrl, mixedWindowSeconds, mixedWindows);
    printMixed(`PostgreSQL, four processes, mixed load ${mixedTitle}`, fourProcesses, mixedWindowSeconds);
  } else {
    console.log(
      '\nPostgreSQL benchmarks skipped: set VOUCH_TEST_PG=postgres://postgres@127.0.0.1:5432/test to run them',
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (!mixedOnly) await (await import('./codes-storage.js')).benchCodesStorage();
// In a process of its own: after the HTTP runs this one's heap is large, and its collections
// would be measured as rule evaluation.
if (!mixedOnly) {
  const { execFileSync } = await import('node:child_process');
  const script = fileURLToPath(new URL('./rules-evaluation.ts', import.meta.url));
  execFileSync(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit' });
  const qualifications = fileURLToPath(new URL('./qualifications.ts', import.meta.url));
  execFileSync(process.execPath, ['--import', 'tsx', qualifications], { stdio: 'inherit' });
  // Its own process too, for the same reason: 1,000 tiers' legacy validation, SQLite and PostgreSQL.
  const tiers = fileURLToPath(new URL('./active-tiers.ts', import.meta.url));
  execFileSync(process.execPath, ['--import', 'tsx', tiers], { stdio: 'inherit' });
}
