import type { Campaign } from '../campaigns/campaign.js';
import { applyDiscount, type CatalogLookup } from '../discounts/apply-discount.js';
import { type CalculatedOrder, startCalculation } from '../discounts/calculated-order.js';
import type { Discount } from '../discounts/discount.js';
import { type DiscountTargets, NO_TARGETS } from '../discounts/targets.js';
import { evaluateGiftCard, type GiftCardRequest } from '../gift-cards/evaluate-gift-card.js';
import type { Order } from '../orders/order.js';
import type { AssignedRulesOutcome } from '../rules/check-assigned-rules.js';
import type { RuleErrorKey } from '../rules/rule-catalog.js';
import { checkValidity } from '../vouchers/check-validity.js';
import type { EffectiveVoucher } from '../vouchers/voucher.js';

/** Why a voucher cannot be used now; each is an error key with Voucherify's message. */
export type VoucherRefusal =
  | 'voucher_disabled'
  | 'voucher_not_active'
  | 'voucher_expired'
  | 'voucher_not_active_now'
  | 'quantity_exceeded'
  | 'gift_amount_exceeded'
  | RuleErrorKey;

export interface VoucherEvaluationInput {
  voucher: EffectiveVoucher;
  campaign: Campaign | null;
  now: Date;
  /** The project's IANA time zone: validity hours and week days are local to it. */
  timezone: string;
  /** The order to price, when the request gave one. */
  order: Order | null;
  catalog: CatalogLookup;
  /** The validation rules in force, already checked against the same facts (none when absent). */
  rules?: AssignedRulesOutcome;
  /** The lines the rules' `applicable_to` lets the discount reach, resolved against the order. */
  targets?: DiscountTargets;
  /** Uses validation sessions hold for other requests: they count as taken. */
  reserved_quantity?: number;
  /** A gift card's balance and the credits asked for; without it a gift card is judged as full. */
  gift?: GiftCardRequest;
}

/** A refusal by a validation rule names the rule and says why in the rule's own words. */
export interface RuleRefusal {
  ruleId: string;
  message: string;
}

export type VoucherEvaluation =
  | {
      valid: true;
      discount: Discount | null;
      order: CalculatedOrder | null;
      discount_amount: number;
      /** A gift card's use: the credits it takes (null when nothing said how many) and its balance before. */
      gift?: { credits: number | null; balance: number };
    }
  | { valid: false; reason: VoucherRefusal; rule?: RuleRefusal; details?: string };

/**
 * Whether a voucher can be used now and what it gives the order: the switches of the voucher and
 * its campaign, the validity of both, the uses left, the validation rules, then the discount over
 * the lines the rules allow. Pure: the caller brings the time, the facts and the rules' outcome;
 * the redemption then counts the use with an atomic write.
 */
export function evaluateVoucher(input: VoucherEvaluationInput): VoucherEvaluation {
  const { voucher, campaign, now, timezone } = input;
  if (!voucher.active || (campaign !== null && !campaign.active)) return { valid: false, reason: 'voucher_disabled' };
  const refusal = checkValidity(voucher, now, timezone) ?? (campaign ? checkValidity(campaign, now, timezone) : null);
  if (refusal) return { valid: false, reason: refusal };
  const taken = voucher.redeemed_quantity + (input.reserved_quantity ?? 0);
  if (voucher.redemption_quantity !== null && taken >= voucher.redemption_quantity) {
    return { valid: false, reason: 'quantity_exceeded' };
  }
  if (input.rules && !input.rules.passed) {
    const [first] = input.rules.failed;
    if (first)
      return { valid: false, reason: first.errorKey, rule: { ruleId: input.rules.ruleId, message: first.message } };
  }
  if (voucher.type === 'GIFT_VOUCHER' && voucher.gift) {
    const request = input.gift ?? { balance: voucher.gift.amount, requested: null };
    const gift = evaluateGiftCard(voucher.gift, request, input.order, input.targets ?? NO_TARGETS);
    if (!gift.valid) return { valid: false, reason: gift.reason, details: gift.details };
    const { order, discount_amount, credits } = gift;
    return { valid: true, discount: null, order, discount_amount, gift: { credits, balance: request.balance } };
  }
  const discount = voucher.discount;
  if (input.order === null) return { valid: true, discount, order: null, discount_amount: 0 };
  const start = startCalculation(input.order);
  if (discount === null) return { valid: true, discount, order: start, discount_amount: 0 };
  const applied = applyDiscount(start, discount, input.targets ?? NO_TARGETS, {
    base: 'DISCOUNTED_AMOUNT',
    catalog: input.catalog,
  });
  return { valid: true, discount, order: applied.order, discount_amount: applied.discount_amount };
}
