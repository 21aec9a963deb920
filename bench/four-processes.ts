/**
 * The mixed scenario against four `vouch serve` processes sharing one PostgreSQL schema, the way a
 * shop scales Vouch out. The codes are seeded through the store before the processes start.
 */

import pg from 'pg';
import { createCustomer } from '../src/app/customers/create-customer.js';
import { createProject } from '../src/app/projects/create-project.js';
import { randomIds } from '../src/app/random-ids.js';
import { systemClock } from '../src/app/system-clock.js';
import { AsyncActionWorker } from '../src/jobs/async-action-worker.js';
import { openStore } from '../src/store/open-store.js';
import { startVouch, type VouchProcess } from '../test/support/vouch-process.js';
import { BENCH_CART, seedVouchers } from './bench-fixtures.js';
import { MIXED_CODE_COUNT, MIXED_CODE_PREFIX, type MixedWindow, measureMixed, residentBytesOf } from './mixed-bench.js';

const PROCESS_COUNT = 4;

export async function benchFourProcessesOnPostgres(
  pgUrl: string,
  windowSeconds: number,
  windows: number,
): Promise<MixedWindow[]> {
  const schema = `vouch_bench4_${Date.now().toString(36)}`;
  const store = await openStore({ kind: 'postgres', url: pgUrl }, { postgres: { schema, poolSize: 4 } });
  const processes: VouchProcess[] = [];
  try {
    const created = await createProject(store, systemClock, randomIds, { name: 'bench, four processes' });
    const ctx = {
      project: created.project,
      store: store.forProject(created.project.id),
      clock: systemClock,
      ids: randomIds,
      work: new AsyncActionWorker(store, systemClock, randomIds),
      requestId: null,
    };
    await createCustomer(ctx, { source_id: 'bench-7', name: 'Customer 7' });
    await seedVouchers(ctx.store, MIXED_CODE_PREFIX, MIXED_CODE_COUNT);
    const url = `${pgUrl}${pgUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    for (let i = 0; i < PROCESS_COUNT; i++)
      processes.push(
        // The load comes from one address with one key: the limits would measure themselves.
        await startVouch({
          VOUCH_DB: url,
          VOUCH_LOG_LEVEL: 'warn',
          VOUCH_RATE_LIMIT_PER_KEY: '0',
          VOUCH_RATE_LIMIT_PER_IP: '0',
        }),
      );
    return await measureMixed({
      urls: processes.map((p) => p.url),
      headers: { 'x-app-id': created.server_side_key.app_id, 'x-app-token': created.server_side_key.app_token },
      cart: BENCH_CART,
      windowSeconds,
      windows,
      residentBytes: () => residentBytesOf(processes.map((p) => p.child.pid ?? 0)),
    });
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
    await store.close();
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}
