import type { Campaign } from '../../domain/campaigns/campaign.js';
import type { Order } from '../../domain/orders/order.js';
import { evaluatePromotionTier } from '../../domain/promotions/evaluate-promotion-tier.js';
import type { PromotionTier } from '../../domain/promotions/promotion-tier.js';
import { findAmountNeeded, spendCeilingFor } from '../../domain/qualifications/spend-more.js';
import { toDiscountTargets } from '../../domain/rules/applicable-items.js';
import { checkAssignedRules } from '../../domain/rules/check-assigned-rules.js';
import { type PreparedRuleFacts, prepareRuleFacts } from '../../domain/rules/prepared-facts.js';
import type { ActiveTier } from '../promotions/active-tiers.js';
import { loadDiscountCatalog } from '../redemptions/discount-catalog.js';
import type { VoucherRulesCheck } from '../redemptions/voucher-rules.js';
import type { QualificationFacts } from './qualify-redeemables.js';

/** Hints one answer carries at most: the nearest thresholds are the ones worth showing. */
export const MAX_SPEND_MORE_HINTS = 10;

export interface SpendMoreHint {
  tier: PromotionTier;
  campaign: Campaign;
  /** How much more the cart must be worth, in minor units. */
  amount_to_spend: number;
  order_amount_needed: number;
  /** What the tier would then take off the order. */
  discount_amount: number;
}

/**
 * Whether a missed tier is worth searching: its order rules refused the cart, and none of its rules
 * counts redemptions (the raised-amount facts carry no counts, and a spent budget is not a hint).
 */
function isAmountCandidate(active: ActiveTier, rules: VoucherRulesCheck): boolean {
  const { outcome } = rules;
  if (outcome.passed || !outcome.failed.every((failure) => failure.errorKey === 'order_rules_violated')) return false;
  return active.definitions.every(({ compiled }) => compiled.requiredFacts.counters.length === 0);
}

/**
 * The tiers the cart misses only by its amount, each with the amount still to spend: the tier's
 * compiled rules re-checked with the order amount raised (everything else as the cart is), the
 * threshold found by bisection up to spendCeilingFor, then the tier priced on an order of that
 * amount. A tier also refused for anything but its amount never passes, so it gets no hint.
 */
export async function findSpendMoreHints(
  facts: QualificationFacts,
  missed: readonly { active: ActiveTier; rules: VoucherRulesCheck }[],
): Promise<SpendMoreHint[]> {
  const { order, session } = facts;
  const baseOrder = session.base.order;
  if (!order || !baseOrder || baseOrder.amount === null) return [];
  const cartAmount = baseOrder.amount;
  // Every tier bisects over the same amounts first, so facts at one amount are prepared once.
  const probes = new Map<number, PreparedRuleFacts>();
  const factsAt = (amount: number) => {
    let prepared = probes.get(amount);
    if (!prepared) {
      prepared = prepareRuleFacts({ ...session.base, order: { ...baseOrder, amount, initial_amount: amount } });
      probes.set(amount, prepared);
    }
    return prepared;
  };
  // Thresholds first (rule checks only), then only the nearest are priced on a raised cart.
  const found: { active: ActiveTier; needed: number }[] = [];
  for (const { active, rules } of missed) {
    if (!isAmountCandidate(active, rules)) continue;
    const passesAt = (amount: number) => checkAssignedRules(active.definitions, () => factsAt(amount)).passed;
    const needed = findAmountNeeded(cartAmount, spendCeilingFor(cartAmount), passesAt);
    if (needed !== null) found.push({ active, needed });
  }
  found.sort((a, b) => a.needed - b.needed);
  const hints: SpendMoreHint[] = [];
  for (const { active, needed } of found) {
    if (hints.length === MAX_SPEND_MORE_HINTS) break;
    const hint = await priceAt(facts, active, order, needed);
    if (hint) hints.push(hint);
  }
  return hints;
}

/** The tier on the cart raised to `needed`: checked once more, and what it would give there. */
async function priceAt(
  facts: QualificationFacts,
  active: ActiveTier,
  order: Order,
  needed: number,
): Promise<SpendMoreHint | null> {
  const { tier, campaign, definitions } = active;
  const outcome = checkAssignedRules(definitions, () =>
    prepareRuleFacts({
      ...facts.session.base,
      order: facts.session.base.order && { ...facts.session.base.order, amount: needed, initial_amount: needed },
    }),
  );
  if (!outcome.passed) return null;
  const targets = outcome.applicableTo
    ? toDiscountTargets(outcome.applicableTo, (id) => facts.session.members.get(id) ?? null, order.items)
    : undefined;
  const evaluation = evaluatePromotionTier({
    tier,
    campaign,
    now: facts.now,
    timezone: facts.timezone,
    order: { ...order, amount: needed, initial_amount: needed },
    catalog: await loadDiscountCatalog(facts.store, tier.discount),
    rules: outcome,
    ...(targets ? { targets } : {}),
  });
  if (!evaluation.valid) return null;
  return {
    tier,
    campaign,
    amount_to_spend: needed - (facts.session.base.order?.amount ?? 0),
    order_amount_needed: needed,
    discount_amount: evaluation.discount_amount,
  };
}
