import type { CalculatedOrder } from '../discounts/calculated-order.js';
import type { GiftCardRequest } from './evaluate-gift-card.js';
import { applyGiftCredits, planGiftSpend } from './gift-card.js';

/**
 * A gift card in a stack: the credits it takes at its place in the stack's order, off what the
 * redeemables before it left of the order (always the discounted amount: credits pay for what is
 * still owed). They count as an order-level discount, whatever the card's effect, as Voucherify
 * counts gift credits and pay-with-points in stacked requests. Without an order only credits
 * asked for are taken. The balance was checked when the card was judged; this never exceeds it.
 */
export function applyStackGiftCredits(
  gift: GiftCardRequest,
  running: CalculatedOrder | null,
): { order: CalculatedOrder | null; credits: number } {
  const plan = planGiftSpend({
    requested: gift.requested,
    balance: gift.balance,
    orderLeft: running ? running.total_amount : null,
  });
  if (!plan.ok) return { order: running, credits: 0 };
  if (running === null) return { order: null, credits: gift.requested === null ? 0 : plan.credits };
  const applied = applyGiftCredits(running, plan.credits, 'APPLY_TO_ORDER');
  return { order: applied.order, credits: applied.discount_amount };
}
