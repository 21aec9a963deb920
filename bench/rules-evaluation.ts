/**
 * `npx tsx bench/rules-evaluation.ts`: how long evaluating validation rules takes in process.
 * A thousand assigned definitions (a mix of order, customer, item, metadata and counter rules with
 * and/or/not logic; nearly half fail) are parsed and compiled once, then all of them are evaluated
 * against one 100-line cart per iteration, as a qualification request would, failures explained.
 * Prints p50/p99 of wall and CPU time per iteration (target: p99 under 1 ms); figures only.
 */

import { pathToFileURL } from 'node:url';
import { compileValidationRules } from '../src/domain/rules/compile-rules.js';
import { evaluateRules } from '../src/domain/rules/evaluate-rules.js';
import { parseValidationRules } from '../src/domain/rules/parse-validation-rules.js';
import { prepareRuleFacts } from '../src/domain/rules/prepared-facts.js';
import type { RuleFacts, RuleOrderItem } from '../src/domain/rules/rule-facts.js';

const DEFINITIONS = Number(process.env.BENCH_RULES ?? 1000);
const LINES = Number(process.env.BENCH_RULES_LINES ?? 100);
const ITERATIONS = Number(process.env.BENCH_RULES_ITERATIONS ?? 2000);

/** A fixed-seed generator, so every run measures the same definitions and cart. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const random = seededRandom(42);
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
const between = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
const productId = (): string => `prod_${between(0, 199)}`;

type RuleMaker = () => Record<string, unknown>;

const RULE_MIX: [weight: number, make: RuleMaker][] = [
  [30, () => ({ name: 'order.amount', conditions: { $more_than: [between(0, 600_000)] } })],
  [15, () => ({ name: 'customer.segment', conditions: { $is: [`seg_${between(0, 9)}`] } })],
  [
    15,
    () => ({
      name: 'order.items.any',
      conditions: { $is: [{ id: productId(), object: 'product' }] },
      rules: { 1: { name: 'order.items.quantity', conditions: { $more_than_or_equal: [between(1, 3)] } }, logic: '1' },
    }),
  ],
  [10, () => ({ name: 'order.metadata', property: 'channel', conditions: { $is: [pick(['web', 'app', 'pos'])] } })],
  [
    5,
    () => ({ name: 'customer.metadata', property: 'tier', conditions: { $in: ['gold', pick(['silver', 'bronze'])] } }),
  ],
  [
    5,
    () => ({
      name: pick(['order.items.cheapest', 'order.items.most_expensive']),
      conditions: { $is_not: [{ id: productId() }] },
    }),
  ],
  [5, () => ({ name: 'order.items.every', conditions: { $is: [{ id: productId() }, { id: productId() }] } })],
  [
    5,
    () => ({
      name: 'order.items.any',
      conditions: { $is: [{ id: `pc_${between(0, 4)}`, object: 'products_collection' }] },
      rules: {
        1: { name: 'order.items.aggregated_quantity', conditions: { $more_than: [between(5, 60)] } },
        logic: '1',
      },
    }),
  ],
  [5, () => ({ name: 'redemption.count.per_customer', conditions: { $less_than_or_equal: [between(1, 3)] } })],
  [5, () => ({ name: 'order.items.none', conditions: { $in: [{ id: productId() }, { id: productId() }] } })],
];

const TOTAL_WEIGHT = RULE_MIX.reduce((total, [weight]) => total + weight, 0);

function randomRule(): Record<string, unknown> {
  let roll = random() * TOTAL_WEIGHT;
  for (const [weight, make] of RULE_MIX) {
    roll -= weight;
    if (roll < 0) return make();
  }
  return (RULE_MIX[0] as [number, RuleMaker])[1]();
}

const LOGICS: Record<number, readonly string[]> = {
  1: ['1', ''],
  2: ['1 and 2', '1 or 2', 'not 1 and 2', ''],
  3: ['(1 and 2) or 3', '1 and (2 or 3)', '1 and 2 and 3', 'not (1 and 2) or 3'],
};

function randomDefinition(): Record<string, unknown> {
  const count = pick([1, 1, 2, 2, 3]);
  const rules: Record<string, unknown> = { logic: pick(LOGICS[count] ?? ['']) };
  for (let key = 1; key <= count; key += 1) rules[key] = randomRule();
  return rules;
}

function cartOf(lines: number): RuleFacts {
  const items: RuleOrderItem[] = Array.from({ length: lines }, (_, index) => {
    const price = between(100, 20_000);
    const quantity = between(1, 4);
    return {
      product_id: productId(),
      sku_id: index % 3 === 0 ? `sku_${index}` : null,
      source_id: `src_${index}`,
      related_object: index % 3 === 0 ? 'sku' : 'product',
      quantity,
      price,
      amount: price * quantity,
      metadata: { color: pick(['red', 'blue']) },
      product: null,
      sku: null,
    };
  });
  const amount = items.reduce((total, item) => total + (item.amount ?? 0), 0);
  return {
    now: '2026-03-15T10:00:00.000Z',
    timezone: 'Europe/Warsaw',
    order: { amount, initial_amount: amount, metadata: { channel: 'web' }, items },
    customer: {
      id: 'cust_1',
      source_id: 'c1',
      metadata: { tier: 'gold' },
      segment_ids: ['seg_1', 'seg_4', 'seg_7'],
      loyalty_tier_ids: [],
    },
    redemption: { metadata: {} },
    customEvent: null,
    counters: { customerRedemptionsCount: 1 },
    collectionIdsOfItem: (index) => [`pc_${index % 5}`],
  };
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
}

function formatPercentiles(times: number[]): string {
  times.sort((a, b) => a - b);
  return `p50 ${percentile(times, 0.5).toFixed(3)} ms  p99 ${percentile(times, 0.99).toFixed(3)} ms`;
}

/**
 * Wall time per iteration, and the CPU time the process used in it: on a shared machine the wall
 * p99 mostly measures the scheduler, the CPU p99 what the evaluation costs.
 */
function measure(label: string, run: () => number): void {
  for (let i = 0; i < 200; i += 1) run();
  const wall: number[] = [];
  const cpu: number[] = [];
  let passed = 0;
  for (let i = 0; i < ITERATIONS; i += 1) {
    const cpuBefore = process.cpuUsage();
    const started = process.hrtime.bigint();
    passed = run();
    wall.push(Number(process.hrtime.bigint() - started) / 1e6);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1e3);
  }
  console.log(`${label} (${passed} of ${DEFINITIONS} pass)`);
  console.log(`  wall ${formatPercentiles(wall)}   cpu ${formatPercentiles(cpu)}`);
}

/** Prints what parsing, compiling and evaluating the definitions cost. */
export function benchRulesEvaluation(): void {
  console.log(`\nValidation rules: ${DEFINITIONS} definitions against a ${LINES}-line cart (target: p99 < 1 ms)`);
  const raws = Array.from({ length: DEFINITIONS }, randomDefinition);
  const compileStarted = process.hrtime.bigint();
  const compiled = raws.map((rules) => {
    const parsed = parseValidationRules({ rules });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    return compileValidationRules(parsed.definition);
  });
  const compileMs = Number(process.hrtime.bigint() - compileStarted) / 1e6;
  console.log(`parse + compile ${DEFINITIONS} definitions, cold: ${compileMs.toFixed(1)} ms`);

  const facts = cartOf(LINES);
  measure(`evaluateRules × ${DEFINITIONS}`, () => {
    const prepared = prepareRuleFacts(facts);
    let passed = 0;
    for (const definition of compiled) if (evaluateRules(definition, prepared).passed) passed += 1;
    return passed;
  });
  measure(`passes × ${DEFINITIONS} (no failure reasons)`, () => {
    const prepared = prepareRuleFacts(facts);
    let passed = 0;
    for (const definition of compiled) if (definition.passes(prepared)) passed += 1;
    return passed;
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) benchRulesEvaluation();
