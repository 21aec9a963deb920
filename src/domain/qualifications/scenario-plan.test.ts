import { describe, expect, it } from 'vitest';
import { QUALIFICATION_SCENARIOS } from './qualified-redeemable.js';
import { planScenario, type ScenarioPlan } from './scenario-plan.js';

type Row = [string, Pick<ScenarioPlan, 'wallet' | 'tiers' | 'stacks' | 'campaigns' | 'judges' | 'products'>];

describe('planScenario', () => {
  it.each<Row>([
    ['ALL', { wallet: true, tiers: true, stacks: false, campaigns: false, judges: 'all', products: null }],
    ['CUSTOMER_WALLET', { wallet: true, tiers: false, stacks: false, campaigns: false, judges: 'all', products: null }],
    [
      'PROMOTION_STACKS',
      { wallet: false, tiers: false, stacks: true, campaigns: false, judges: 'all', products: null },
    ],
    [
      'AUDIENCE_ONLY',
      { wallet: true, tiers: true, stacks: false, campaigns: true, judges: 'customer', products: null },
    ],
    [
      'PRODUCTS',
      { wallet: false, tiers: true, stacks: false, campaigns: false, judges: 'not_customer', products: 'any' },
    ],
    [
      'PRODUCTS_DISCOUNT',
      { wallet: false, tiers: true, stacks: false, campaigns: false, judges: 'not_customer', products: 'discount' },
    ],
    [
      'PRODUCTS_BY_CUSTOMER',
      { wallet: true, tiers: true, stacks: false, campaigns: false, judges: 'all', products: 'any' },
    ],
    [
      'PRODUCTS_DISCOUNT_BY_CUSTOMER',
      { wallet: true, tiers: true, stacks: false, campaigns: false, judges: 'all', products: 'discount' },
    ],
  ])('%s', (scenario, expected) => {
    expect(planScenario(scenario as never)).toMatchObject(expected);
  });

  it('hints spend-more only for ALL, and plans every scenario', () => {
    expect(QUALIFICATION_SCENARIOS.filter((scenario) => planScenario(scenario).spendMore)).toEqual(['ALL']);
  });
});
