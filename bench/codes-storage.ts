/**
 * Generating and storing a million codes for one campaign, the way the API does it: the campaign
 * is created through its use case (which checks the keyspace and queues the generation), then the
 * worker runs the CAMPAIGN.VOUCHERS_GENERATE action. On SQLite (a temporary file) and, with
 * VOUCH_TEST_PG set, PostgreSQL (a temporary schema). The target: under 15 s on SQLite.
 * Run alone with `npx tsx bench/codes-storage.ts`; `npm run bench` runs it after the HTTP figures.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCampaign } from '../src/app/campaigns/create-campaign.js';
import type { ProjectContext } from '../src/app/context.js';
import { createProject } from '../src/app/projects/create-project.js';
import { randomIds } from '../src/app/random-ids.js';
import { systemClock } from '../src/app/system-clock.js';
import type { DatabaseConfig } from '../src/config.js';
import { AsyncActionWorker } from '../src/jobs/async-action-worker.js';
import { openStore } from '../src/store/open-store.js';

const DEFAULT_COUNT = 1_000_000;

interface StorageFigures {
  label: string;
  seconds: number;
  stored: number;
}

async function measureOn(
  label: string,
  config: DatabaseConfig,
  count: number,
  schema?: string,
): Promise<StorageFigures> {
  const store = await openStore(config, schema ? { postgres: { schema, poolSize: 4 } } : {});
  try {
    const worker = new AsyncActionWorker(store, systemClock, randomIds);
    const created = await createProject(store, systemClock, randomIds, { name: 'codes bench' });
    const ctx: ProjectContext = {
      project: created.project,
      store: store.forProject(created.project.id),
      clock: systemClock,
      ids: randomIds,
      work: { wake: () => {} },
      requestId: null,
    };
    const started = performance.now();
    const campaign = await createCampaign(ctx, {
      name: 'A million codes',
      type: 'STATIC',
      vouchers_count: count,
      voucher: {
        type: 'DISCOUNT_VOUCHER',
        discount: { type: 'PERCENT', percent_off: 10 },
        code_config: { length: 10 },
      },
    });
    await worker.runPending();
    const seconds = (performance.now() - started) / 1000;
    const stored = await ctx.store.vouchers.countInCampaign(campaign.campaign.id);
    return { label, seconds, stored };
  } finally {
    await store.close();
  }
}

function printStorage(figures: StorageFigures, count: number): void {
  const rate = Math.round(figures.stored / figures.seconds).toLocaleString('en-US');
  const check = figures.stored === count ? '' : `  (expected ${count.toLocaleString('en-US')}!)`;
  console.log(
    `  ${figures.label.padEnd(12)} ${figures.stored.toLocaleString('en-US')} codes in ${figures.seconds.toFixed(2)} s` +
      `  (${rate} codes/s)${check}`,
  );
}

/** Prints how long generating and storing `count` codes for one campaign takes on each database. */
export async function benchCodesStorage(count = DEFAULT_COUNT): Promise<void> {
  console.log(
    `\nGenerate and store ${count.toLocaleString('en-US')} codes for one campaign (target: < 15 s on SQLite)`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'vouch-codes-bench-'));
  try {
    printStorage(await measureOn('SQLite', { kind: 'sqlite', file: join(dir, 'codes.db') }, count), count);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const pgUrl = process.env.VOUCH_TEST_PG;
  if (!pgUrl) {
    console.log('  PostgreSQL skipped: set VOUCH_TEST_PG=postgres://postgres@127.0.0.1:5432/test to run it');
    return;
  }
  const schema = `vouch_codes_bench_${Date.now().toString(36)}`;
  try {
    printStorage(await measureOn('PostgreSQL', { kind: 'postgres', url: pgUrl }, count, schema), count);
  } finally {
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchCodesStorage(Number(process.env.BENCH_CODES ?? DEFAULT_COUNT));
}
