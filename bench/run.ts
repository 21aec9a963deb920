/**
 * `npm run bench`: HTTP throughput and latency of the main routes on SQLite and (with
 * VOUCH_TEST_PG set) PostgreSQL, each next to the ceiling of a trivial JSON route of the same
 * server in the same run. It prints figures; it never fails. BENCH_SECONDS sets each run's length.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCustomer } from '../src/app/customers/create-customer.js';
import type { ProjectStore } from '../src/app/ports.js';
import { createProject } from '../src/app/projects/create-project.js';
import { randomIds } from '../src/app/random-ids.js';
import { systemClock } from '../src/app/system-clock.js';
import { blankVoucher } from '../src/app/vouchers/voucher-fields.js';
import { assembleServer } from '../src/cli/assemble-server.js';
import type { DatabaseConfig } from '../src/config.js';
import { openStore } from '../src/store/open-store.js';
import { type BenchFigures, measure, printFigures } from './http-bench.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const VOUCHER_COUNT = 100_000;

/** A hundred thousand single-use 10%-off codes, stored directly: the bench measures their use. */
async function seedVouchers(store: ProjectStore, count: number): Promise<void> {
  const now = new Date().toISOString();
  for (let start = 0; start < count; start += 10_000) {
    const batch = Array.from({ length: Math.min(10_000, count - start) }, (_, i) => {
      const code = `BENCH-${start + i}`;
      return {
        codeKey: code,
        voucher: {
          ...blankVoucher(randomIds.newId('v_'), code, null, now),
          type: 'DISCOUNT_VOUCHER' as const,
          discount: { type: 'PERCENT' as const, percent_off: 10 },
          redemption_quantity: 1,
          active: true,
        },
      };
    });
    await store.transaction((tx) => tx.vouchers.insertMany(batch));
  }
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
  await seedVouchers(ctx.store, VOUCHER_COUNT);
  const cart = JSON.stringify({
    customer: { source_id: 'bench-7' },
    order: { amount: 20000, items: [{ source_id: 'shirt', related_object: 'product', quantity: 2, price: 10000 }] },
  });
  rows.push(
    await measure(
      'POST cart echo (no key, no DB)',
      url,
      { method: 'POST', path: '/bench/echo-cart', body: cart },
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
        body: cart,
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
        body: cart,
        sequence: { modulo: VOUCHER_COUNT },
      },
      seconds,
    ),
  );
  printFigures(`${label} (${seconds}s per scenario, 50 connections)`, rows, ceiling);
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
  } else {
    console.log(
      '\nPostgreSQL benchmarks skipped: set VOUCH_TEST_PG=postgres://postgres@127.0.0.1:5432/test to run them',
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
await (await import('./codes-storage.js')).benchCodesStorage();
