import type { Campaign } from '../../domain/campaigns/campaign.js';
import { startCalculationAt } from '../../domain/discounts/calculated-order.js';
import type { Order } from '../../domain/orders/order.js';
import { evaluatePromotionTier } from '../../domain/promotions/evaluate-promotion-tier.js';
import type { PromotionTier } from '../../domain/promotions/promotion-tier.js';
import { findAmountNeeded, spendCeilingFor } from '../../domain/qualifications/spend-more.js';
import { toDiscountTargets } from '../../domain/rules/applicable-items.js';
import {
  type AssignedDefinition,
  checkAssignedRules,
  passesAssignedRules,
} from '../../domain/rules/check-assigned-rules.js';
import type { CompiledValidationRules } from '../../domain/rules/compile-rules.js';
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

/** Numbers each compiled definition on first sight; compiled rules are shared by every tier they are assigned to. */
const compiledIds = new WeakMap<CompiledValidationRules, number>();
let nextCompiledId = 0;

/** The key of a tier's definitions: their compiled rules by identity, in order; kept with the (indexed) list. */
const definitionKeys = new WeakMap<readonly AssignedDefinition[], string>();

function definitionsKey(definitions: readonly AssignedDefinition[]): string {
  let key = definitionKeys.get(definitions);
  if (key !== undefined) return key;
  key = '';
  for (const { compiled } of definitions) {
    let id = compiledIds.get(compiled);
    if (id === undefined) {
      id = nextCompiledId++;
      compiledIds.set(compiled, id);
    }
    key += `${id},`;
  }
  definitionKeys.set(definitions, key);
  return key;
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
  // Thresholds first (rule checks only), then only the nearest are priced on a raised cart. The
  // raised facts carry no counts, so they are the same for every scope: a threshold depends on the
  // compiled definitions alone, and tiers sharing them (many tiers, few rules) share one search.
  const ceiling = spendCeilingFor(cartAmount);
  const thresholds = new Map<string, number | null>();
  const found: { active: ActiveTier; needed: number }[] = [];
  for (const { active, rules } of missed) {
    if (!isAmountCandidate(active, rules)) continue;
    const key = definitionsKey(active.definitions);
    let needed = thresholds.get(key);
    if (needed === undefined) {
      const passesAt = (amount: number) => passesAssignedRules(active.definitions, () => factsAt(amount));
      needed = findAmountNeeded(cartAmount, ceiling, passesAt);
      thresholds.set(key, needed);
    }
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
    // The cart as started for the request, raised: its lines are not started again for each hint.
    order: startCalculationAt(facts.started ?? order, needed, needed),
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
