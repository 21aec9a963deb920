import { type CalculatedOrder, startCalculation } from '../discounts/calculated-order.js';
import type { DiscountTargets } from '../discounts/targets.js';
import type { Order } from '../orders/order.js';
import type { GiftDefinition } from '../vouchers/voucher.js';
import { applyGiftCredits, planGiftSpend } from './gift-card.js';

/** What a request asks of a gift card, beside the card's balance now. */
export interface GiftCardRequest {
  balance: number;
  /** `gift.credits` as sent; null when the request leaves it to the order. */
  requested: number | null;
}

export type GiftCardEvaluation =
  | {
      valid: true;
      /** Credits the use takes; null when neither credits nor an order say how many. */
      credits: number | null;
      order: CalculatedOrder | null;
      discount_amount: number;
    }
  | { valid: false; reason: 'gift_amount_exceeded'; details: string };

/**
 * What a gift card gives an order: the credits planned by `planGiftSpend`, taken off the order as
 * the card's effect says. Without an order and without credits asked for, nothing is planned:
 * a validation then only shows the balance.
 */
export function evaluateGiftCard(
  gift: GiftDefinition,
  request: GiftCardRequest,
  order: Order | null,
  targets: DiscountTargets,
): GiftCardEvaluation {
  const start = order ? startCalculation(order) : null;
  const plan = planGiftSpend({
    requested: request.requested,
    balance: request.balance,
    orderLeft: start ? start.total_amount : null,
  });
  if (!plan.ok) return { valid: false, reason: plan.reason, details: plan.details };
  if (start === null) {
    return { valid: true, credits: request.requested === null ? null : plan.credits, order: null, discount_amount: 0 };
  }
  const applied = applyGiftCredits(start, plan.credits, gift.effect ?? 'APPLY_TO_ORDER', targets);
  // Credits the lines could not take (APPLY_TO_ITEMS over fewer lines) are not charged.
  return {
    valid: true,
    credits: applied.discount_amount,
    order: applied.order,
    discount_amount: applied.discount_amount,
  };
}
