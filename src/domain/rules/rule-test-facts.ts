import { compileValidationRules } from './compile-rules.js';
import { evaluateRules, type RulesOutcome } from './evaluate-rules.js';
import { parseValidationRules } from './parse-validation-rules.js';
import type { ParsedValidationRules } from './rule-definition.js';
import type { RuleFacts, RuleOrderItem } from './rule-facts.js';

/** Shared fixtures for the rules tests: a fixed clock, a three-line cart, a customer. */

/** 11:00 in Warsaw (UTC+1 until the end of March). */
export const NOW = '2026-03-15T10:00:00.000Z';
export const ZONE = 'Europe/Warsaw';

export function lineOf(fields: Partial<RuleOrderItem>): RuleOrderItem {
  return {
    product_id: null,
    sku_id: null,
    source_id: null,
    related_object: 'product',
    quantity: 1,
    price: null,
    amount: null,
    metadata: null,
    product: null,
    sku: null,
    ...fields,
  };
}

/** A shirt in size M (a SKU line), a mug, and a line known only by its source id. */
export const CART_ITEMS: readonly RuleOrderItem[] = [
  lineOf({
    product_id: 'prod_shirt',
    sku_id: 'sku_shirt_m',
    related_object: 'sku',
    source_id: 'shirt-m',
    quantity: 2,
    price: 2000,
    amount: 4000,
    metadata: { color: 'red' },
    product: { id: 'prod_shirt', source_id: 'shirt', metadata: { brand: 'acme' } },
    sku: { id: 'sku_shirt_m', source_id: 'shirt-m', metadata: { size: 'M' } },
  }),
  lineOf({
    product_id: 'prod_mug',
    source_id: 'mug',
    quantity: 1,
    price: 1500,
    amount: 1500,
    product: { id: 'prod_mug', source_id: 'mug', metadata: { brand: 'other' } },
  }),
  lineOf({ source_id: 'FOR-1', quantity: 3, price: 5000, amount: 15000 }),
];

export function factsOf(overrides: Partial<RuleFacts> = {}): RuleFacts {
  return {
    now: NOW,
    timezone: ZONE,
    order: {
      amount: 25000,
      initial_amount: 30000,
      metadata: {
        channel: 'web',
        score: 7,
        vip: true,
        tags: ['a', 'b'],
        since: '2026-03-12',
        until: '2026-03-20T12:00:00Z',
      },
      items: CART_ITEMS,
    },
    customer: {
      id: 'cust_1',
      source_id: 'c1',
      metadata: { tier: 'gold', age: 30 },
      segment_ids: ['seg_new', 'seg_vip'],
      loyalty_tier_ids: ['ltr_silver'],
    },
    redemption: { metadata: { card: 'Visa' } },
    customEvent: { metadata: { lining: 2 } },
    counters: {
      campaignOrdersAmount: 100_000,
      campaignRedemptionsCount: 9,
      customerRedemptionsCount: 0,
      dailyRedemptionsCount: 4,
      monthlyRedemptionsCount: 40,
    },
    collectionIdsOfItem: (index) => (index === 1 || index === 2 ? ['pc_kitchen'] : []),
    ...overrides,
  };
}

export function parsedOf(rules: Record<string, unknown>, error?: unknown): ParsedValidationRules {
  const result = parseValidationRules({ rules, error });
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return result.definition;
}

export function outcomeOf(rules: Record<string, unknown>, facts: RuleFacts = factsOf()): RulesOutcome {
  return evaluateRules(compileValidationRules(parsedOf(rules)), facts);
}

/** Whether a definition of one rule passes. */
export function passes(rule: Record<string, unknown>, facts: RuleFacts = factsOf()): boolean {
  return outcomeOf({ 1: rule, logic: '1' }, facts).passed;
}
