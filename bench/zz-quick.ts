import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProject } from '../src/app/projects/create-project.js';
import { randomIds } from '../src/app/random-ids.js';
import { systemClock } from '../src/app/system-clock.js';
import { assembleServer } from '../src/cli/assemble-server.js';
import { openStore } from '../src/store/open-store.js';
import { BENCH_CART, seedVouchers } from './bench-fixtures.js';
import { measure, printFigures } from './http-bench.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const only = process.env.ONLY ?? 'ceiling,validate,redeem';
const dir = mkdtempSync(join(tmpdir(), 'vouch-quick-'));
const pg = process.env.QUICK_PG;
const store = await openStore(
  pg ? { kind: 'postgres', url: pg } : { kind: 'sqlite', file: join(dir, 'b.db') },
  pg ? { postgres: { schema: `quick_${Date.now().toString(36)}`, poolSize: 20 } } : {},
);
const { app } = await assembleServer(store, { bodyLimitBytes: 1 << 20, logLevel: 'silent', publicUrl: 'http://127.0.0.1' });
app.get('/bench/trivial', async () => ({ ok: true }));
await app.listen({ host: '127.0.0.1', port: 0 });
const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const created = await createProject(store, systemClock, randomIds, { name: 'bench' });
const headers = { 'x-app-id': created.server_side_key.app_id, 'x-app-token': created.server_side_key.app_token };
const N = 20000;
await seedVouchers(store.forProject(created.project.id), 'BENCH-', N);
const rows = [];
const ceiling = await measure('ceiling', url, { path: '/bench/trivial' }, seconds);
rows.push(ceiling);
if (only.includes('validate'))
  rows.push(await measure('validate', url, { method: 'POST', path: '/v1/vouchers/BENCH-{n}/validate', headers, body: BENCH_CART, sequence: { step: 7919, modulo: N } }, seconds));
if (only.includes('redeem'))
  rows.push(await measure('redeem', url, { method: 'POST', path: '/v1/vouchers/BENCH-{n}/redemption', headers, body: BENCH_CART, sequence: { modulo: N } }, seconds));
printFigures('quick', rows, ceiling);
await app.close();
await store.close();
rmSync(dir, { recursive: true, force: true });
