import type { QualificationScenario } from './qualified-redeemable.js';

/** Which rules a scenario judges: all of them, the customer's only, or all but the customer's. */
export type JudgedRules = 'all' | 'customer' | 'not_customer';

/**
 * What a scenario lists and how it judges, read off the spec's scenario descriptions:
 * - ALL: the customer's codes and the promotion tiers, judged on everything;
 * - CUSTOMER_WALLET: the customer's codes only; PROMOTION_STACKS: the stacks only;
 * - AUDIENCE_ONLY: codes, tiers and the campaigns whose codes the customer could be given,
 *   judged "based on the customer profile only": the cart neither admits nor refuses;
 * - PRODUCTS / PRODUCTS_DISCOUNT: promotions for the products of the cart, the customer not judged
 *   (nor their codes listed); the _BY_CUSTOMER twins judge the customer too and list their codes.
 *   `products: 'any'` keeps a redeemable whose discount reaches a cart product or whose rule asks
 *   for one; `'discount'` only one whose discount is defined for specific items.
 */
export interface ScenarioPlan {
  wallet: boolean;
  tiers: boolean;
  stacks: boolean;
  campaigns: boolean;
  judges: JudgedRules;
  products: 'any' | 'discount' | null;
  /** Spend-more hints: only where the cart is what is judged and every redeemable is considered. */
  spendMore: boolean;
}

const LISTS_ALL = { wallet: true, tiers: true, stacks: false, campaigns: false, spendMore: false } as const;

export function planScenario(scenario: QualificationScenario): ScenarioPlan {
  switch (scenario) {
    case 'ALL':
      return { ...LISTS_ALL, judges: 'all', products: null, spendMore: true };
    case 'CUSTOMER_WALLET':
      return { ...LISTS_ALL, tiers: false, judges: 'all', products: null };
    case 'PROMOTION_STACKS':
      return { ...LISTS_ALL, wallet: false, tiers: false, stacks: true, judges: 'all', products: null };
    case 'AUDIENCE_ONLY':
      return { ...LISTS_ALL, campaigns: true, judges: 'customer', products: null };
    case 'PRODUCTS':
      return { ...LISTS_ALL, wallet: false, judges: 'not_customer', products: 'any' };
    case 'PRODUCTS_DISCOUNT':
      return { ...LISTS_ALL, wallet: false, judges: 'not_customer', products: 'discount' };
    case 'PRODUCTS_BY_CUSTOMER':
      return { ...LISTS_ALL, judges: 'all', products: 'any' };
    case 'PRODUCTS_DISCOUNT_BY_CUSTOMER':
      return { ...LISTS_ALL, judges: 'all', products: 'discount' };
  }
}
