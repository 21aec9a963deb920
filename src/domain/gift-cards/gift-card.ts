import { applyDiscount } from '../discounts/apply-discount.js';
import type { CalculatedOrder } from '../discounts/calculated-order.js';
import { type DiscountTargets, NO_TARGETS } from '../discounts/targets.js';
import { invalidPayload } from '../errors.js';
import type { GiftDefinition, Voucher } from '../vouchers/voucher.js';

export const GIFT_EFFECTS = ['APPLY_TO_ORDER', 'APPLY_TO_ITEMS'] as const;
export type GiftEffect = (typeof GIFT_EFFECTS)[number];

/** Voucherify's `gift` object of a card: lifetime credits, credits spent, credits left. */
export interface GiftState {
  amount: number;
  subtracted_amount: number;
  balance: number;
  effect: GiftEffect;
}

/** A gift definition as a client sent it, checked: a positive integer amount, APPLY_TO_ORDER by default. */
export function parseGift(input: unknown, path: string): GiftDefinition {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw invalidPayload(`Property ${path} should be an object with a positive integer 'amount'`);
  }
  const { amount, effect } = input as { amount?: unknown; effect?: unknown };
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) {
    throw invalidPayload(`Property ${path}.amount should be a positive integer (minor units)`);
  }
  if (effect !== undefined && effect !== null && !GIFT_EFFECTS.includes(effect as GiftEffect)) {
    throw invalidPayload(`Property ${path}.effect should be one of ${GIFT_EFFECTS.join(', ')}`);
  }
  return { amount, effect: (effect as GiftEffect | null | undefined) ?? 'APPLY_TO_ORDER' };
}

/**
 * The card's credits now. Until they first move the counters are unset and the card holds its
 * whole `gift.amount` (its own or its campaign template's).
 */
export function giftStateOf(gift: GiftDefinition, counters: Pick<Voucher, 'gift_balance' | 'gift_total'>): GiftState {
  const amount = counters.gift_total ?? gift.amount;
  const balance = counters.gift_balance ?? gift.amount;
  return { amount, subtracted_amount: amount - balance, balance, effect: gift.effect ?? 'APPLY_TO_ORDER' };
}

export type GiftSpendPlan =
  | { ok: true; credits: number }
  | { ok: false; reason: 'gift_amount_exceeded'; details: string };

/**
 * The credits a use of the card takes: those asked for, or (none asked) as much of the balance as
 * the order has left. Never more than the balance: asking for more, or using an empty card, is
 * `gift_amount_exceeded`. Never more than the order has left either, so the card is charged
 * exactly the discount it gives.
 */
export function planGiftSpend(input: {
  requested: number | null | undefined;
  balance: number;
  orderLeft: number | null;
}): GiftSpendPlan {
  const { requested, balance, orderLeft } = input;
  if (balance <= 0) return { ok: false, reason: 'gift_amount_exceeded', details: 'The gift card has no credits left' };
  if (requested !== null && requested !== undefined) {
    if (requested > balance) {
      return { ok: false, reason: 'gift_amount_exceeded', details: `Requested ${requested}, balance ${balance}` };
    }
    return { ok: true, credits: orderLeft === null ? requested : Math.min(requested, orderLeft) };
  }
  return { ok: true, credits: orderLeft === null ? balance : Math.min(balance, orderLeft) };
}

/**
 * The order with the card's credits taken off: at order level, or (APPLY_TO_ITEMS) split over the
 * lines it may reach in proportion to what each has left, the parts summing to the credits.
 */
export function applyGiftCredits(
  order: CalculatedOrder,
  credits: number,
  effect: GiftEffect,
  targets: DiscountTargets = NO_TARGETS,
): { order: CalculatedOrder; discount_amount: number } {
  const applied = applyDiscount(
    order,
    {
      type: 'AMOUNT',
      amount_off: credits,
      effect: effect === 'APPLY_TO_ITEMS' ? 'APPLY_TO_ITEMS_PROPORTIONALLY' : 'APPLY_TO_ORDER',
    },
    targets,
  );
  return { order: applied.order, discount_amount: applied.discount_amount };
}

/**
 * A manual change of the card's credits (POST /vouchers/{code}/balance): a non-zero integer that
 * never takes the balance below zero. Answers why not, or null.
 */
export function refuseBalanceChange(amount: number, balance: number): string | null {
  if (!Number.isSafeInteger(amount) || amount === 0) return 'Property .amount should be a non-zero integer';
  if (balance + amount < 0) return `Cannot remove ${-amount} credits: the balance is ${balance}`;
  // Beyond it, amounts stop being exact in JSON answers (and PostgreSQL's bigint would overflow soon after).
  if (!Number.isSafeInteger(balance + amount)) return `Cannot add ${amount} credits: the balance would be too large`;
  return null;
}
