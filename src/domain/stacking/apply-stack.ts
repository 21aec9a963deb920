import { applyDiscount, type CalculationBase, type CatalogLookup } from '../discounts/apply-discount.js';
import { type CalculatedOrder, type CalculatedOrderItem, startCalculation } from '../discounts/calculated-order.js';
import type { Discount } from '../discounts/discount.js';
import type { DiscountTargets } from '../discounts/targets.js';
import type { GiftCardRequest } from '../gift-cards/evaluate-gift-card.js';
import { applyStackGiftCredits } from '../gift-cards/stack-gift-credits.js';
import type { Order } from '../orders/order.js';
import { type CategoryRank, planStack, type SkipReason, type StackCandidate } from './plan-stack.js';
import type { StackingRules } from './stacking-rules.js';

/**
 * One requested redeemable as the stack applies it: what its own checks decided (validity, uses
 * left, rules) and, when it passed them, the discount and the lines it may reach.
 */
export interface StackRedeemable extends StackCandidate {
  /** Null for a redeemable that gives no discount of its own. */
  readonly discount: Discount | null;
  readonly targets: DiscountTargets;
  readonly catalog?: CatalogLookup;
  /** A gift card: its balance and the credits asked for; it gives credits instead of a discount. */
  readonly gift?: GiftCardRequest;
}

/** What one redeemable did in the stack; `order` is the order right after it (null without an order). */
export type AppliedStep<T> =
  | {
      readonly redeemable: T;
      readonly index: number;
      readonly status: 'APPLICABLE';
      readonly order: CalculatedOrder | null;
      readonly discount_amount: number;
      /** A gift card's credits this step takes. */
      readonly gift_credits?: number;
    }
  | { readonly redeemable: T; readonly index: number; readonly status: 'INAPPLICABLE' }
  | { readonly redeemable: T; readonly index: number; readonly status: 'SKIPPED'; readonly reason: SkipReason };

export interface StackOutcome<T> {
  /** False when nothing applies, or in ALL mode when any redeemable is inapplicable. */
  readonly valid: boolean;
  /** Every requested redeemable once, in the order they apply. */
  readonly steps: readonly AppliedStep<T>[];
  /** The order after every applicable redeemable, its applied_* fields summing this whole request. */
  readonly order: CalculatedOrder | null;
}

function hasAny(categoryIds: readonly string[], listed: readonly string[]): boolean {
  return categoryIds.some((id) => listed.includes(id));
}

/** The amount a redeemable's discount is computed on: its categories may override the project's mode. */
export function calculationBaseOf(categoryIds: readonly string[], rules: StackingRules): CalculationBase {
  if (hasAny(categoryIds, rules.initial_amount_mode_categories)) return 'INITIAL_AMOUNT';
  if (hasAny(categoryIds, rules.discounted_amount_mode_categories)) return 'DISCOUNTED_AMOUNT';
  return rules.discount_calculation_mode;
}

/** Whether a redeemable that changed nothing is skipped: its categories may override the project's rule. */
export function skipsWithoutEffect(categoryIds: readonly string[], rules: StackingRules): boolean {
  if (hasAny(categoryIds, rules.no_effect_skip_categories)) return true;
  if (hasAny(categoryIds, rules.no_effect_redeem_anyway_categories)) return false;
  return rules.redeemables_no_effect_rule === 'SKIP';
}

function changedSomething(order: CalculatedOrder): boolean {
  return order.total_applied_discount_amount > 0 || order.items.some((item) => item.applied_quantity > 0);
}

/**
 * The order after the whole request with its applied_* fields covering every step, not only the
 * last: what this request gave, on top of any discount the order already carried.
 */
export function appliedSince(start: CalculatedOrder, end: CalculatedOrder): CalculatedOrder {
  const items: CalculatedOrderItem[] = end.items.map((item, index) => {
    const before = start.items[index];
    return {
      ...item,
      applied_discount_amount: item.discount_amount - (before?.discount_amount ?? 0),
      applied_discount_quantity: item.discount_quantity - (before?.discount_quantity ?? 0),
      applied_quantity: (item.quantity ?? 0) - (before?.quantity ?? 0),
      applied_quantity_amount: item.amount - (before?.amount ?? 0),
    };
  });
  const applied = end.discount_amount - start.discount_amount;
  const itemsApplied = items.reduce((sum, item) => sum + item.applied_discount_amount, 0);
  return {
    ...end,
    items,
    applied_discount_amount: applied,
    items_applied_discount_amount: itemsApplied,
    total_applied_discount_amount: applied + itemsApplied,
  };
}

/**
 * Applies the requested redeemables as the project's stacking rules say: `planStack` decides which
 * apply and in which order; each applicable one then discounts the order as the previous ones left
 * it (or the initial amount, as its calculation mode says), in ONCE products mode never reaching a
 * line an earlier one discounted. One that changes nothing is SKIPPED with `no_effect` where the
 * no-effect rule says so. A gift card takes its credits off what is left at its place in the
 * order (see applyStackGiftCredits). Pure: the same request, rules and catalog give the same outcome.
 */
export function applyStack<T extends StackRedeemable>(
  redeemables: readonly T[],
  order: Order | null,
  categoriesById: ReadonlyMap<string, CategoryRank>,
  rules: StackingRules,
): StackOutcome<T> {
  const plan = planStack(redeemables, categoriesById, rules);
  const start = order ? startCalculation(order) : null;
  let running = start;
  const discountedLines = new Set<number>();
  const once = rules.redeemables_products_application_mode === 'ONCE';
  const steps: AppliedStep<T>[] = plan.steps.map((step) => {
    if (step.status === 'SKIPPED') return step;
    if (step.status === 'INAPPLICABLE')
      return { redeemable: step.redeemable, index: step.index, status: 'INAPPLICABLE' };
    const { redeemable } = step;
    if (redeemable.gift) {
      const gift = applyStackGiftCredits(redeemable.gift, running);
      if (gift.order && gift.credits === 0 && skipsWithoutEffect(redeemable.categoryIds, rules)) {
        return { redeemable, index: step.index, status: 'SKIPPED', reason: 'no_effect' };
      }
      running = gift.order;
      return {
        ...step,
        status: 'APPLICABLE',
        order: running,
        discount_amount: gift.credits,
        gift_credits: gift.credits,
      };
    }
    if (running === null || redeemable.discount === null) {
      return { ...step, status: 'APPLICABLE', order: running, discount_amount: 0 };
    }
    const targets = once ? { ...redeemable.targets, excludedLines: discountedLines } : redeemable.targets;
    const application = applyDiscount(running, redeemable.discount, targets, {
      base: calculationBaseOf(redeemable.categoryIds, rules),
      ...(redeemable.catalog ? { catalog: redeemable.catalog } : {}),
    });
    if (!changedSomething(application.order) && skipsWithoutEffect(redeemable.categoryIds, rules)) {
      return { redeemable, index: step.index, status: 'SKIPPED', reason: 'no_effect' };
    }
    for (const line of application.applied_items) discountedLines.add(line);
    running = application.order;
    return { ...step, status: 'APPLICABLE', order: running, discount_amount: application.discount_amount };
  });
  const anyApplies = steps.some((step) => step.status === 'APPLICABLE');
  return {
    valid: plan.valid && anyApplies,
    steps,
    order: start && running ? appliedSince(start, running) : null,
  };
}
