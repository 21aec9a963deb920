import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderOf } from '../discounts/discount-test-orders.js';
import type { AssignedRulesOutcome } from '../rules/check-assigned-rules.js';
import type { ValidityRules } from '../vouchers/validity.js';
import { compareTiers, evaluatePromotionTier, type TierEvaluationInput } from './evaluate-promotion-tier.js';
import { NO_SUMMARY, type PromotionTier } from './promotion-tier.js';

const NO_WINDOWS: ValidityRules = {
  start_date: null,
  expiration_date: null,
  validity_timeframe: null,
  validity_day_of_week: null,
  validity_hours: null,
};
const NOW = new Date('2026-03-04T12:00:00.000Z'); // a Wednesday

function tierOf(changes: Partial<PromotionTier> = {}): PromotionTier {
  return {
    ...NO_WINDOWS,
    id: 'promo_1',
    campaign_id: 'camp_1',
    name: 'Tier',
    banner: null,
    discount: { type: 'AMOUNT', amount_off: 1000 },
    metadata: {},
    hierarchy: 1,
    active: true,
    category_id: null,
    summary: NO_SUMMARY,
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: null,
    ...changes,
  } as PromotionTier;
}

function inputOf(changes: Partial<TierEvaluationInput> = {}): TierEvaluationInput {
  return {
    tier: tierOf(),
    campaign: { ...NO_WINDOWS, active: true },
    now: NOW,
    timezone: 'UTC',
    order: orderOf([{ product: 'p1', price: 30000, quantity: 1 }]),
    catalog: () => undefined,
    ...changes,
  };
}

const FAILED_RULES: AssignedRulesOutcome = {
  passed: false,
  ruleId: 'val_1',
  failed: [{ errorKey: 'order_rules_violated', message: 'Spend more' }] as never,
};

describe('evaluatePromotionTier', () => {
  it.each<[string, Partial<TierEvaluationInput>, string]>([
    ['an inactive tier', { tier: tierOf({ active: false }) }, 'promotion_inactive'],
    ['a disabled campaign', { campaign: { ...NO_WINDOWS, active: false } }, 'promotion_inactive'],
    ['a tier not started', { tier: tierOf({ start_date: '2026-04-01T00:00:00.000Z' }) }, 'promotion_not_active_now'],
    ['a tier expired', { tier: tierOf({ expiration_date: '2026-03-01T00:00:00.000Z' }) }, 'promotion_not_active_now'],
    [
      'a campaign expired',
      { campaign: { ...NO_WINDOWS, active: true, expiration_date: '2026-03-01T00:00:00.000Z' } },
      'promotion_not_active_now',
    ],
    ['a tier off on Wednesdays', { tier: tierOf({ validity_day_of_week: [1, 2] }) }, 'promotion_not_active_now'],
    ['a rule not met', { rules: FAILED_RULES }, 'order_rules_violated'],
  ])('refuses %s', (_name, changes, reason) => {
    expect(evaluatePromotionTier(inputOf(changes))).toMatchObject({ valid: false, reason });
  });

  it("names the refusing rule in the rule's words", () => {
    expect(evaluatePromotionTier(inputOf({ rules: FAILED_RULES }))).toEqual({
      valid: false,
      reason: 'order_rules_violated',
      rule: { ruleId: 'val_1', message: 'Spend more' },
    });
  });

  it('prices the tier alone on the cart', () => {
    const outcome = evaluatePromotionTier(inputOf({ rules: { passed: true, applicableTo: null } }));
    expect(outcome).toMatchObject({ valid: true, discount_amount: 1000, order: { total_amount: 29000 } });
  });

  it('gives the discount without an order to price', () => {
    expect(evaluatePromotionTier(inputOf({ order: null }))).toMatchObject({ valid: true, discount_amount: 0 });
  });

  it('never discounts more than the order, nor below zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 20_000_000 }), (price, off) => {
        const outcome = evaluatePromotionTier(
          inputOf({
            tier: tierOf({ discount: { type: 'AMOUNT', amount_off: off } as PromotionTier['discount'] }),
            order: orderOf([{ product: 'p1', price, quantity: 1 }]),
          }),
        );
        if (!outcome.valid) return false;
        return outcome.discount_amount >= 0 && outcome.discount_amount <= price;
      }),
    );
  });
});

describe('compareTiers', () => {
  const campaign = (id: string, created_at: string) => ({ id, created_at });
  it('lists campaign by campaign, then by hierarchy, age and id', () => {
    const entries = [
      { tier: tierOf({ id: 'promo_d', hierarchy: 1 }), campaign: campaign('camp_b', '2026-01-02') },
      { tier: tierOf({ id: 'promo_c', hierarchy: 2 }), campaign: campaign('camp_a', '2026-01-01') },
      { tier: tierOf({ id: 'promo_b', hierarchy: 1 }), campaign: campaign('camp_a', '2026-01-01') },
      { tier: tierOf({ id: 'promo_a', hierarchy: 2 }), campaign: campaign('camp_a', '2026-01-01') },
    ];
    expect([...entries].sort(compareTiers).map((entry) => entry.tier.id)).toEqual([
      'promo_b',
      'promo_a',
      'promo_c',
      'promo_d',
    ]);
  });
});
