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
import { createProject } from '../src/app/projects/create-project.js';
import { randomIds } from '../src/app/random-ids.js';
import { systemClock } from '../src/app/system-clock.js';
import { assembleServer } from '../src/cli/assemble-server.js';
import type { DatabaseConfig } from '../src/config.js';
import { openStore } from '../src/store/open-store.js';
import { type BenchFigures, measure, printFigures } from './http-bench.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);

async function benchDatabase(label: string, database: DatabaseConfig, postgresSchema?: string): Promise<void> {
  const store = await openStore(database, postgresSchema ? { postgres: { schema: postgresSchema, poolSize: 20 } } : {});
  const { app, worker } = await assembleServer(store, { bodyLimitBytes: 1024 * 1024, logLevel: 'silent' });
  // The ceiling: the same server, the same plugins and hooks, no key and no database.
  app.get('/bench/trivial', async () => ({ ok: true }));
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

  let n = 0;
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
        body: () => JSON.stringify({ source_id: `new-${process.pid}-${n++}`, name: 'New' }),
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
