/**
 * `npx tsx bench/active-tiers.ts`: the legacy promotions validation (POST /v1/promotions/validation,
 * in process, no HTTP) on a project with 1,000 active promotion tiers, each with a validation rule
 * of its own (order amount, item, quantity and metadata rules; about half pass), against one
 * 100-line cart. Prints the cold build of the project's active tier index, the lookup of every
 * active tier from the warm index, and p50/p99 of whole validations (which check the 150 most
 * recent tiers, as Voucherify does), on SQLite and, with VOUCH_TEST_PG set, PostgreSQL. Figures only.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCampaign } from '../src/app/campaigns/create-campaign.js';
import type { ProjectContext } from '../src/app/context.js';
import { createProject } from '../src/app/projects/create-project.js';
import { loadActiveTiers } from '../src/app/promotions/active-tiers.js';
import { validatePromotions } from '../src/app/promotions/validate-promotions.js';
import { randomIds } from '../src/app/random-ids.js';
import type { VoucherRequest } from '../src/app/redemptions/voucher-request.js';
import { systemClock } from '../src/app/system-clock.js';
import { createValidationRule } from '../src/app/validation-rules/create-validation-rule.js';
import type { DatabaseConfig } from '../src/config.js';
import { openStore } from '../src/store/open-store.js';

const TIERS = Number(process.env.BENCH_TIERS ?? 1000);
const LINES = Number(process.env.BENCH_TIERS_LINES ?? 100);
const ITERATIONS = Number(process.env.BENCH_TIERS_ITERATIONS ?? 300);
/** A PROMOTION campaign holds at most 100 tiers. */
const TIERS_PER_CAMPAIGN = 100;

/** A fixed-seed generator, so every run measures the same rules and cart. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const random = seededRandom(7);
const between = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));

/** One tier's rule: a mix of what carts are usually judged by. */
function randomRules(): Record<string, unknown> {
  switch (between(0, 3)) {
    case 0:
      return { 1: { name: 'order.amount', conditions: { $more_than: [between(0, 1_200_000)] } }, logic: '1' };
    case 1:
      return {
        1: { name: 'order.items.any', conditions: { $is: [{ source_id: `line-${between(0, 2 * LINES)}` }] } },
        logic: '1',
      };
    case 2:
      return {
        1: { name: 'order.items.aggregated_quantity', conditions: { $more_than: [between(100, 300)] } },
        logic: '1',
      };
    default:
      return {
        1: { name: 'order.metadata', property: 'channel', conditions: { $is: [between(0, 1) ? 'web' : 'app'] } },
        logic: '1',
      };
  }
}

function cartOf(lines: number): VoucherRequest {
  const items = Array.from({ length: lines }, (_, index) => ({
    source_id: `line-${index}`,
    related_object: 'product' as const,
    quantity: between(1, 4),
    price: between(100, 20_000),
  }));
  const amount = items.reduce((total, item) => total + item.quantity * item.price, 0);
  return { order: { amount, items, metadata: { channel: 'web' } } } as VoucherRequest;
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
}

async function timed(label: string, iterations: number, run: () => Promise<string>): Promise<void> {
  for (let i = 0; i < Math.min(20, iterations); i += 1) await run();
  const wall: number[] = [];
  let note = '';
  for (let i = 0; i < iterations; i += 1) {
    const started = process.hrtime.bigint();
    note = await run();
    wall.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  wall.sort((a, b) => a - b);
  console.log(
    `${label} (${note}): p50 ${percentile(wall, 0.5).toFixed(2)} ms  p99 ${percentile(wall, 0.99).toFixed(2)} ms`,
  );
}

async function seedPromotions(ctx: ProjectContext): Promise<void> {
  for (let start = 0; start < TIERS; start += TIERS_PER_CAMPAIGN) {
    const tiers = [];
    for (let index = start; index < Math.min(TIERS, start + TIERS_PER_CAMPAIGN); index += 1) {
      const rule = await createValidationRule(ctx, { name: `tier rule ${index}`, rules: randomRules() });
      tiers.push({
        name: `Tier ${index}`,
        action: { discount: { type: 'AMOUNT', amount_off: between(100, 5000), effect: 'APPLY_TO_ORDER' } },
        validation_rules: [rule.id],
      });
    }
    await createCampaign(ctx, { name: `Bench promotion ${start}`, campaign_type: 'PROMOTION', promotion: { tiers } });
  }
}

async function benchOn(label: string, config: DatabaseConfig, postgresSchema?: string): Promise<void> {
  const store = await openStore(config, postgresSchema ? { postgres: { schema: postgresSchema, poolSize: 5 } } : {});
  try {
    const created = await createProject(store, systemClock, randomIds, { name: 'tier bench' });
    const ctx: ProjectContext = {
      project: created.project,
      store: store.forProject(created.project.id),
      clock: systemClock,
      ids: randomIds,
      work: { wake: () => {} },
      requestId: null,
    };
    await seedPromotions(ctx);
    console.log(`\n${label}: ${TIERS} active tiers with a rule each, a ${LINES}-line cart`);

    const coldStarted = process.hrtime.bigint();
    const all = await loadActiveTiers(ctx.store, new Date());
    const coldMs = Number(process.hrtime.bigint() - coldStarted) / 1e6;
    console.log(`index build, cold (${all.length} tiers, rules compiled): ${coldMs.toFixed(1)} ms`);

    await timed('loadActiveTiers, warm index', ITERATIONS, async () => {
      const tiers = await loadActiveTiers(ctx.store, new Date(), { timezone: ctx.project.settings.timezone });
      return `${tiers.length} tiers`;
    });
    const cart = cartOf(LINES);
    await timed('legacy promotions validation', ITERATIONS, async () => {
      const validation = await validatePromotions(ctx, cart);
      return `${validation.promotions.length} of the 150 newest qualify`;
    });
  } finally {
    await store.close();
  }
}

/** Prints the figures on SQLite and, with VOUCH_TEST_PG set, on PostgreSQL. */
export async function benchActiveTiers(): Promise<void> {
  console.log(`\nActive promotion tiers: legacy validation over ${TIERS} tiers, ${ITERATIONS} iterations`);
  const dir = mkdtempSync(join(tmpdir(), 'vouch-tiers-bench-'));
  try {
    await benchOn('SQLite', { kind: 'sqlite', file: join(dir, 'tiers.db') });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const pgUrl = process.env.VOUCH_TEST_PG;
  if (!pgUrl) return;
  const schema = `vouch_tiers_bench_${Date.now().toString(36)}`;
  try {
    await benchOn('PostgreSQL', { kind: 'postgres', url: pgUrl }, schema);
  } finally {
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchActiveTiers();
