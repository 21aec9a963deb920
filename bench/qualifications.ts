/**
 * `npx tsx bench/qualifications.ts`: what one qualification costs in process, store included
 * (SQLite in a temporary directory, no HTTP). 1,000 active promotion tiers (ten campaigns of 100,
 * each tier with an `order.amount` rule, thresholds spread so about half pass and the rest are
 * searched for spend-more hints) and 50 codes the customer holds, each with a rule, on a 100-line
 * cart; `checkEligibility` with the ALL scenario, BEST_DEAL, a page of 50. Prints p50/p99 of wall
 * and CPU time per request (target: p99 under 5 ms); figures only.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCampaign } from '../src/app/campaigns/create-campaign.js';
import type { ProjectContext } from '../src/app/context.js';
import { createCustomer } from '../src/app/customers/create-customer.js';
import { createProject } from '../src/app/projects/create-project.js';
import { checkEligibility } from '../src/app/qualifications/check-eligibility.js';
import type { QualificationRequest } from '../src/app/qualifications/qualification-request.js';
import { randomIds } from '../src/app/random-ids.js';
import { systemClock } from '../src/app/system-clock.js';
import { createValidationRule } from '../src/app/validation-rules/create-validation-rule.js';
import { createValidationRuleAssignment } from '../src/app/validation-rules/create-validation-rule-assignment.js';
import { blankVoucher } from '../src/app/vouchers/voucher-fields.js';
import { openStore } from '../src/store/open-store.js';

const TIERS = 1000;
const TIERS_PER_CAMPAIGN = 100;
const WALLET = 50;
const LINES = 100;
const ITERATIONS = Number(process.env.BENCH_QUALIFICATION_ITERATIONS ?? 300);
const RULE_STEPS = 20;
/** `BENCH_QUALIFICATION_RULES=BEST_DEAL` measures one sorting rule alone, e.g. to profile it. */
const SORTING_RULES = (process.env.BENCH_QUALIFICATION_RULES ?? 'DEFAULT,BEST_DEAL').split(',') as (
  | 'DEFAULT'
  | 'BEST_DEAL'
)[];

function cart(): NonNullable<QualificationRequest['order']> {
  const items = Array.from({ length: LINES }, (_, index) => ({
    source_id: `bench-line-${index}`,
    related_object: 'product' as const,
    quantity: 1 + (index % 3),
    price: 500 + ((index * 37) % 2000),
  }));
  return { items, metadata: { channel: 'web' } };
}

/** Order-amount rules at RULE_STEPS thresholds around the cart's total, shared by many tiers. */
async function seedRules(ctx: ProjectContext, cartAmount: number): Promise<string[]> {
  const ids: string[] = [];
  for (let step = 0; step < RULE_STEPS; step++) {
    const minimum = Math.round((cartAmount * (step + 1)) / (RULE_STEPS / 2));
    const rule = await createValidationRule(ctx, {
      name: `bench minimum ${minimum}`,
      rules: { 1: { name: 'order.amount', conditions: { $more_than_equal: [minimum] } }, logic: '1' },
    });
    ids.push(rule.id);
  }
  return ids;
}

async function seedTiers(ctx: ProjectContext, ruleIds: readonly string[]): Promise<void> {
  for (let c = 0; c < TIERS / TIERS_PER_CAMPAIGN; c++) {
    await createCampaign(ctx, {
      name: `bench promotion ${c}`,
      campaign_type: 'PROMOTION',
      promotion: {
        tiers: Array.from({ length: TIERS_PER_CAMPAIGN }, (_, t) => ({
          name: `tier ${c}-${t}`,
          action: { discount: { type: 'AMOUNT', amount_off: 100 + t, effect: 'APPLY_TO_ORDER' } },
          validation_rules: [ruleIds[(c * TIERS_PER_CAMPAIGN + t) % ruleIds.length] as string],
        })),
      },
    } as never);
  }
}

async function seedWallet(ctx: ProjectContext, customerId: string, ruleIds: readonly string[]): Promise<void> {
  const now = new Date().toISOString();
  const codes = Array.from({ length: WALLET }, (_, n) => `HELD-${n}`);
  await ctx.store.transaction((store) =>
    store.vouchers.insertMany(
      codes.map((code, n) => ({
        codeKey: code,
        voucher: {
          ...blankVoucher(ctx.ids.newId('v_'), code, null, now),
          type: 'DISCOUNT_VOUCHER' as const,
          discount: { type: 'PERCENT' as const, percent_off: 1 + (n % 30) },
          active: true,
          holder_id: customerId,
        },
      })),
    ),
  );
  for (const [n, code] of codes.entries()) {
    await createValidationRuleAssignment(ctx, ruleIds[n % ruleIds.length] as string, { voucher: code });
  }
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
}

function formatPercentiles(times: number[]): string {
  times.sort((a, b) => a - b);
  return `p50 ${percentile(times, 0.5).toFixed(2)} ms  p99 ${percentile(times, 0.99).toFixed(2)} ms`;
}

/** Wall and CPU time per request; the CPU figure is what the request costs on a busy machine. */
async function measure(label: string, run: () => ReturnType<typeof checkEligibility>): Promise<void> {
  const sample = await run();
  for (let i = 0; i < 30; i++) await run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const cpuBefore = process.cpuUsage();
    const started = process.hrtime.bigint();
    await run();
    wall.push(Number(process.hrtime.bigint() - started) / 1e6);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1e3);
  }
  console.log(
    `${label}: listed ${sample.page.data.length} (has_more ${sample.page.has_more}), spend-more hints ${sample.spendMore.length}`,
  );
  console.log(`  wall ${formatPercentiles(wall)}   cpu ${formatPercentiles(cpu)}`);
}

export async function benchQualifications(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vouch-bench-qualifications-'));
  const store = await openStore({ kind: 'sqlite', file: join(dir, 'bench.db') });
  try {
    const created = await createProject(store, systemClock, randomIds, { name: 'bench qualifications' });
    const ctx: ProjectContext = {
      project: created.project,
      store: store.forProject(created.project.id),
      clock: systemClock,
      ids: randomIds,
      work: { wake: () => undefined },
      requestId: null,
    };
    const order = cart();
    const cartAmount = (order.items ?? []).reduce((sum, item) => sum + (item.price ?? 0) * (item.quantity ?? 0), 0);
    const ruleIds = await seedRules(ctx, cartAmount);
    await seedTiers(ctx, ruleIds);
    const customer = await createCustomer(ctx, { source_id: 'bench-holder', name: 'Holder' });
    await seedWallet(ctx, customer.id, ruleIds);

    console.log(
      `\nQualification in process: ${TIERS} active tiers (all checked), ${WALLET} held codes, ` +
        `${LINES}-line cart (target: p99 < 5 ms)`,
    );
    for (const sorting_rule of SORTING_RULES) {
      const request: QualificationRequest = {
        customer: { id: customer.id },
        order,
        scenario: 'ALL',
        options: { limit: 50, sorting_rule },
      };
      await measure(sorting_rule, () => checkEligibility(ctx, request));
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchQualifications();
