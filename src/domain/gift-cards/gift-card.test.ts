import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderOf } from '../discounts/discount-test-orders.js';
import { AppError } from '../errors.js';
import { evaluateGiftCard } from './evaluate-gift-card.js';
import { applyGiftCredits, giftStateOf, parseGift, planGiftSpend, refuseBalanceChange } from './gift-card.js';

describe('parseGift', () => {
  it.each([
    [{ amount: 1000 }, { amount: 1000, effect: 'APPLY_TO_ORDER' }],
    [
      { amount: 1, effect: 'APPLY_TO_ITEMS' },
      { amount: 1, effect: 'APPLY_TO_ITEMS' },
    ],
    [
      { amount: 5, effect: null },
      { amount: 5, effect: 'APPLY_TO_ORDER' },
    ],
  ])('reads %j', (input, expected) => {
    expect(parseGift(input, '.gift')).toEqual(expected);
  });

  it.each([
    [null],
    [[]],
    [{}],
    [{ amount: 0 }],
    [{ amount: -1 }],
    [{ amount: 2.5 }],
    [{ amount: '10' }],
    [{ amount: 10, effect: 'APPLY_TO_ITEMS_PROPORTIONALLY' }],
  ])('refuses %j naming the property', (input) => {
    expect(() => parseGift(input, '.voucher.gift')).toThrow(AppError);
    try {
      parseGift(input, '.voucher.gift');
    } catch (error) {
      expect((error as AppError).details).toContain('.voucher.gift');
    }
  });
});

describe('giftStateOf', () => {
  it('holds the whole amount until the credits first move, then reads the counters', () => {
    const gift = { amount: 10000, effect: null };
    expect(giftStateOf(gift, {})).toEqual({
      amount: 10000,
      subtracted_amount: 0,
      balance: 10000,
      effect: 'APPLY_TO_ORDER',
    });
    expect(giftStateOf(gift, { gift_balance: 2500, gift_total: 12000 })).toEqual({
      amount: 12000,
      subtracted_amount: 9500,
      balance: 2500,
      effect: 'APPLY_TO_ORDER',
    });
  });
});

describe('planGiftSpend', () => {
  it.each([
    // requested, balance, order left → credits or refusal
    [2500, 10000, 10000, 2500],
    [2500, 10000, 1000, 1000],
    [null, 10000, 3000, 3000],
    [null, 2000, 3000, 2000],
    [null, 2000, null, 2000],
    [500, 2000, null, 500],
    [10001, 10000, 20000, 'gift_amount_exceeded'],
    [null, 0, 3000, 'gift_amount_exceeded'],
    [1, 0, 3000, 'gift_amount_exceeded'],
  ] as const)('asked %s of %s with %s left → %s', (requested, balance, orderLeft, expected) => {
    const plan = planGiftSpend({ requested, balance, orderLeft });
    expect(plan.ok ? plan.credits : plan.reason).toBe(expected);
  });

  it('never plans more than the balance nor the order left, nor a negative amount', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
        (requested, balance, orderLeft) => {
          const plan = planGiftSpend({ requested, balance, orderLeft });
          if (!plan.ok) return balance === 0 || (requested !== null && requested > balance);
          return (
            plan.credits >= 0 &&
            plan.credits <= balance &&
            (orderLeft === null || plan.credits <= orderLeft) &&
            (requested === null || plan.credits <= requested)
          );
        },
      ),
    );
  });
});

describe('applyGiftCredits', () => {
  const cart = () =>
    orderOf([
      { product: 'a', price: 2000, quantity: 1 },
      { product: 'b', price: 3000, quantity: 1 },
    ]);

  it('takes the credits off the order, or split over the lines, the parts summing to the credits', () => {
    const onOrder = applyGiftCredits(cart(), 1200, 'APPLY_TO_ORDER');
    expect(onOrder.order.discount_amount).toBe(1200);
    expect(onOrder.order.total_amount).toBe(3800);
    const onItems = applyGiftCredits(cart(), 1000, 'APPLY_TO_ITEMS');
    expect(onItems.order.items.map((item) => item.discount_amount)).toEqual([400, 600]);
    expect(onItems.order.items_discount_amount).toBe(1000);
  });

  it('always gives exactly the credits, capped by the order, whatever the effect', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20000 }),
        fc.constantFrom('APPLY_TO_ORDER' as const, 'APPLY_TO_ITEMS' as const),
        (credits, effect) => {
          const applied = applyGiftCredits(cart(), credits, effect);
          return applied.discount_amount === Math.min(credits, 5000) && applied.order.total_amount >= 0;
        },
      ),
    );
  });
});

describe('evaluateGiftCard', () => {
  it('plans nothing without an order or credits asked, and refuses more than the balance', () => {
    const gift = { amount: 10000, effect: null };
    expect(
      evaluateGiftCard(gift, { balance: 10000, requested: null }, null, { applicable: [], inapplicable: [] }),
    ).toEqual({ valid: true, credits: null, order: null, discount_amount: 0 });
    expect(
      evaluateGiftCard(gift, { balance: 100, requested: 101 }, null, { applicable: [], inapplicable: [] }),
    ).toMatchObject({ valid: false, reason: 'gift_amount_exceeded' });
  });
});

describe('refuseBalanceChange', () => {
  it.each([
    [100, 0, null],
    [-100, 100, null],
    [-101, 100, 'Cannot remove 101 credits: the balance is 100'],
    [0, 100, 'Property .amount should be a non-zero integer'],
    [Number.MAX_SAFE_INTEGER, 1, `Cannot add ${Number.MAX_SAFE_INTEGER} credits: the balance would be too large`],
  ] as const)('%s on %s → %s', (amount, balance, expected) => {
    expect(refuseBalanceChange(amount, balance)).toBe(expected);
  });
});
