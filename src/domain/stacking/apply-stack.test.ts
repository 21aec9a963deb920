import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Discount } from '../discounts/discount.js';
import { docsCart, only, orderOf, product } from '../discounts/discount-test-orders.js';
import { NO_TARGETS } from '../discounts/targets.js';
import { type AppliedStep, applyStack, type StackRedeemable } from './apply-stack.js';
import type { CategoryRank } from './plan-stack.js';
import { defaultStackingRules, type StackingRules } from './stacking-rules.js';

interface Entry extends StackRedeemable {
  id: string;
}

const NO_CATEGORIES = new Map<string, CategoryRank>();

function rulesWith(changes: Partial<StackingRules> = {}): StackingRules {
  return { ...defaultStackingRules(), ...changes };
}

function entry(id: string, discount: Discount | null, extra: Partial<Entry> = {}): Entry {
  return { id, categoryIds: [], applicable: true, discount, targets: NO_TARGETS, ...extra };
}

const amountOff = (amount_off: number): Discount => ({ type: 'AMOUNT', amount_off, effect: 'APPLY_TO_ORDER' });
const percentOff = (percent_off: number): Discount => ({ type: 'PERCENT', percent_off, effect: 'APPLY_TO_ORDER' });
const itemsPercentOff = (percent_off: number): Discount => ({
  type: 'PERCENT',
  percent_off,
  effect: 'APPLY_TO_ITEMS',
});

function amountsOf(steps: readonly AppliedStep<Entry>[]): Record<string, number | string> {
  return Object.fromEntries(
    steps.map((step) => [
      step.redeemable.id,
      step.status === 'APPLICABLE' ? step.discount_amount : step.status === 'SKIPPED' ? step.reason : step.status,
    ]),
  );
}

const order200000 = () => orderOf([{ product: 'p', price: 200000, quantity: 1 }]);

describe('applyStack', () => {
  it("follows the docs' worked example: 100 off, then 20% of 199900 = 39980, then 8000", () => {
    const outcome = applyStack(
      [entry('first', amountOff(100)), entry('twenty', percentOff(20)), entry('tier', amountOff(8000))],
      order200000(),
      NO_CATEGORIES,
      rulesWith(),
    );
    expect(outcome.valid).toBe(true);
    expect(amountsOf(outcome.steps)).toEqual({ first: 100, twenty: 39980, tier: 8000 });
    // Each step shows the order as it left it; the request's order sums every step.
    const [, second] = outcome.steps;
    expect(second?.status === 'APPLICABLE' && second.order?.total_amount).toBe(200000 - 100 - 39980);
    expect(outcome.order).toMatchObject({
      amount: 200000,
      discount_amount: 48080,
      total_discount_amount: 48080,
      total_amount: 151920,
      applied_discount_amount: 48080,
      total_applied_discount_amount: 48080,
    });
  });

  it('applies a gift card at its place: the docs example with the card first, and a card paying what coupons left', () => {
    const card = (requested: number | null, balance: number) => entry('card', null, { gift: { requested, balance } });
    const first = applyStack(
      [card(100, 50000), entry('twenty', percentOff(20)), entry('tier', amountOff(8000))],
      order200000(),
      NO_CATEGORIES,
      rulesWith(),
    );
    expect(amountsOf(first.steps)).toEqual({ card: 100, twenty: 39980, tier: 8000 });
    const [gift] = first.steps;
    expect(gift?.status === 'APPLICABLE' && gift.gift_credits).toBe(100);
    expect(first.order?.discount_amount).toBe(48080);

    // Last, without credits asked: it pays what is left, up to its balance.
    const last = applyStack(
      [entry('twenty', percentOff(20)), card(null, 500000)],
      order200000(),
      NO_CATEGORIES,
      rulesWith(),
    );
    expect(amountsOf(last.steps)).toEqual({ twenty: 40000, card: 160000 });
    expect(last.order?.total_amount).toBe(0);
    const short = applyStack(
      [entry('twenty', percentOff(20)), card(null, 7000)],
      order200000(),
      NO_CATEGORIES,
      rulesWith(),
    );
    expect(amountsOf(short.steps)).toEqual({ twenty: 40000, card: 7000 });
  });

  it('computes on the initial amount in INITIAL_AMOUNT mode, and per category where the rules say', () => {
    const redeemables = [entry('first', amountOff(100)), entry('twenty', percentOff(20), { categoryIds: ['cat_i'] })];
    const initial = applyStack(
      redeemables,
      order200000(),
      NO_CATEGORIES,
      rulesWith({ discount_calculation_mode: 'INITIAL_AMOUNT' }),
    );
    expect(amountsOf(initial.steps)).toEqual({ first: 100, twenty: 40000 });
    const byCategory = applyStack(
      redeemables,
      order200000(),
      NO_CATEGORIES,
      rulesWith({ initial_amount_mode_categories: ['cat_i'] }),
    );
    expect(amountsOf(byCategory.steps)).toEqual({ first: 100, twenty: 40000 });
  });

  it('never discounts the order below zero, however many redeemables stack', () => {
    const outcome = applyStack(
      [entry('a', amountOff(150000)), entry('b', amountOff(150000))],
      order200000(),
      NO_CATEGORIES,
      rulesWith(),
    );
    expect(amountsOf(outcome.steps)).toEqual({ a: 150000, b: 50000 });
    expect(outcome.order?.total_amount).toBe(0);
  });

  it('skips a redeemable that changes nothing under SKIP, and applies it under REDEEM_ANYWAY', () => {
    const redeemables = [entry('all', amountOff(300000)), entry('more', amountOff(100))];
    const skipping = applyStack(
      redeemables,
      order200000(),
      NO_CATEGORIES,
      rulesWith({ redeemables_no_effect_rule: 'SKIP' }),
    );
    expect(amountsOf(skipping.steps)).toEqual({ all: 200000, more: 'no_effect' });
    expect(skipping.valid).toBe(true);
    const anyway = applyStack(redeemables, order200000(), NO_CATEGORIES, rulesWith());
    expect(amountsOf(anyway.steps)).toEqual({ all: 200000, more: 0 });
    const byCategory = applyStack(
      [redeemables[0] as Entry, { ...(redeemables[1] as Entry), categoryIds: ['cat_skip'] }],
      order200000(),
      NO_CATEGORIES,
      rulesWith({ no_effect_skip_categories: ['cat_skip'] }),
    );
    expect(amountsOf(byCategory.steps)).toEqual({ all: 200000, more: 'no_effect' });
  });

  it('keeps each line to the first redeemable that discounted it in ONCE mode', () => {
    const redeemables = [
      entry('only-a', itemsPercentOff(10), { targets: only(product('a')) }),
      entry('every', itemsPercentOff(10)),
    ];
    // Lines: a 2×1000, b 3×1500, c 3×2000.
    const stacked = applyStack(redeemables, docsCart(), NO_CATEGORIES, rulesWith());
    expect(amountsOf(stacked.steps)).toEqual({ 'only-a': 200, every: 180 + 450 + 600 });
    const once = applyStack(
      redeemables,
      docsCart(),
      NO_CATEGORIES,
      rulesWith({ redeemables_products_application_mode: 'ONCE' }),
    );
    expect(amountsOf(once.steps)).toEqual({ 'only-a': 200, every: 450 + 600 });
    expect(once.order?.items.map((item) => item.applied_discount_amount)).toEqual([200, 450, 600]);
  });

  it('fails the whole request in ALL mode when one redeemable is inapplicable, and applies the rest in PARTIAL', () => {
    const redeemables = [
      entry('good', amountOff(100)),
      entry('bad', amountOff(100), { applicable: false }),
      entry('late', amountOff(5)),
    ];
    const all = applyStack(
      redeemables,
      order200000(),
      NO_CATEGORIES,
      rulesWith({ redeemables_application_mode: 'ALL' }),
    );
    expect(all.valid).toBe(false);
    expect(amountsOf(all.steps)).toEqual({ good: 100, bad: 'INAPPLICABLE', late: 'preceding_validation_failed' });
    const partial = applyStack(
      redeemables,
      order200000(),
      NO_CATEGORIES,
      rulesWith({ redeemables_application_mode: 'PARTIAL' }),
    );
    expect(partial.valid).toBe(true);
    expect(amountsOf(partial.steps)).toEqual({ good: 100, bad: 'INAPPLICABLE', late: 5 });
    expect(partial.order?.total_applied_discount_amount).toBe(105);
  });

  it('keeps a discount the order already carried out of what this request applied', () => {
    const order = orderOf([{ product: 'p', price: 10000, quantity: 1, discount: 500 }]);
    const outcome = applyStack([entry('ten', percentOff(10))], order, NO_CATEGORIES, rulesWith());
    expect(outcome.order).toMatchObject({ total_discount_amount: 500 + 950, total_applied_discount_amount: 950 });
    expect(outcome.order?.items[0]).toMatchObject({ discount_amount: 500, applied_discount_amount: 0 });
  });

  it('lists what applies without an order', () => {
    const outcome = applyStack([entry('a', amountOff(100))], null, NO_CATEGORIES, rulesWith());
    expect(outcome).toMatchObject({ valid: true, order: null });
    expect(amountsOf(outcome.steps)).toEqual({ a: 0 });
  });

  it('always adds up: applied totals are the steps summed, totals never negative, lines sum to the items discount', () => {
    const discount = fc.oneof(
      fc.integer({ min: 0, max: 50000 }).map(amountOff),
      fc.integer({ min: 1, max: 100 }).map(percentOff),
      fc.integer({ min: 1, max: 100 }).map(itemsPercentOff),
    );
    fc.assert(
      fc.property(
        fc.array(discount, { minLength: 1, maxLength: 5 }),
        fc.array(fc.record({ price: fc.integer({ min: 0, max: 30000 }), quantity: fc.integer({ min: 1, max: 4 }) }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.constantFrom<StackingRules['discount_calculation_mode']>('INITIAL_AMOUNT', 'DISCOUNTED_AMOUNT'),
        fc.constantFrom<StackingRules['redeemables_products_application_mode']>('STACK', 'ONCE'),
        (discounts, lines, mode, products) => {
          const order = orderOf(lines.map((line, i) => ({ product: `p${i}`, ...line })));
          const outcome = applyStack(
            discounts.map((d, i) => entry(`r${i}`, d)),
            order,
            NO_CATEGORIES,
            rulesWith({ discount_calculation_mode: mode, redeemables_products_application_mode: products }),
          );
          const final = outcome.order;
          if (!final) return false;
          const stepsTotal = outcome.steps.reduce(
            (sum, step) => sum + (step.status === 'APPLICABLE' ? step.discount_amount : 0),
            0,
          );
          const linesTotal = final.items.reduce((sum, item) => sum + item.discount_amount, 0);
          return (
            final.total_applied_discount_amount === stepsTotal &&
            final.total_amount >= 0 &&
            final.total_amount === final.amount - final.total_discount_amount &&
            linesTotal === final.items_discount_amount &&
            final.items.every((item) => item.subtotal_amount >= 0)
          );
        },
      ),
    );
  });
});
