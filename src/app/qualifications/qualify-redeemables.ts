import type { Campaign } from '../../domain/campaigns/campaign.js';
import type { Category } from '../../domain/categories/category.js';
import { applyDiscount, type CatalogLookup } from '../../domain/discounts/apply-discount.js';
import { type CalculatedOrder, startCalculation } from '../../domain/discounts/calculated-order.js';
import type { Discount } from '../../domain/discounts/discount.js';
import { NO_TARGETS } from '../../domain/discounts/targets.js';
import { giftStateOf } from '../../domain/gift-cards/gift-card.js';
import type { Order } from '../../domain/orders/order.js';
import { evaluatePromotionTier } from '../../domain/promotions/evaluate-promotion-tier.js';
import type { PromotionStack } from '../../domain/promotions/promotion-stack.js';
import { evaluateVoucher } from '../../domain/redemptions/evaluate-voucher.js';
import type { AssignedDefinition } from '../../domain/rules/check-assigned-rules.js';
import type { ProjectStore } from '../ports.js';
import type { ActiveTier } from '../promotions/active-tiers.js';
import { loadDiscountCatalog } from '../redemptions/discount-catalog.js';
import type { LoadedVoucher } from '../redemptions/load-voucher.js';
import { voucherSubject } from '../redemptions/rule-subjects.js';
import {
  checkSubjectRules,
  checkUncountedRules,
  type RuleFactsSession,
  readsCounts,
  type VoucherRulesCheck,
} from '../redemptions/voucher-rules.js';
import type { QualificationResult, QualifiedEntry } from './qualification-request.js';
import type { CampaignCategoryCache } from './wallet-vouchers.js';

/** What every candidate of one request is judged against, read once. */
export interface QualificationFacts {
  store: ProjectStore;
  session: RuleFactsSession;
  cache: CampaignCategoryCache;
  now: Date;
  timezone: string;
  order: Order | null;
  /**
   * The order started for calculation, once per request: every redeemable is priced from this one
   * (startCalculation hands a started order back as it is), never by copying the cart again.
   */
  started: CalculatedOrder | null;
}

/** Gift credits count as an order-level discount: what the card would pay of this order. */
function giftResult(
  balance: number,
  order: Order | null,
): { result: QualificationResult; order: CalculatedOrder | null } {
  if (!order) return { result: { gift: { balance, credits: 0 } }, order: null };
  const start = startCalculation(order);
  const credits = Math.min(balance, start.total_amount);
  const paid: Discount = { type: 'AMOUNT', amount_off: credits, effect: 'APPLY_TO_ORDER' };
  return { result: { gift: { balance, credits } }, order: applyDiscount(start, paid).order };
}

/**
 * A code the customer holds, judged as a validation judges it; null when it cannot be used now.
 * Unpriced (`priced` false), it is judged without the cart's discount worked out: whether it can be
 * used does not depend on it, and pricing a large cart is most of the cost.
 */
export async function qualifyVoucher(
  facts: QualificationFacts,
  loaded: LoadedVoucher,
  definitions: readonly AssignedDefinition[],
  priced = true,
): Promise<QualifiedEntry | null> {
  const { store, session, now, timezone } = facts;
  const order = priced ? facts.started : null;
  const subject = voucherSubject(loaded);
  const rules = await checkSubjectRules(store, session, subject, definitions);
  const voucher = loaded.effective;
  // A card is worth what is left on it, not its lifetime amount: an empty card is refused.
  const giftBalance =
    voucher.type === 'GIFT_VOUCHER' && voucher.gift ? giftStateOf(voucher.gift, loaded.stored).balance : null;
  const evaluation = evaluateVoucher({
    voucher,
    campaign: loaded.campaign,
    now,
    timezone,
    order,
    catalog: await loadDiscountCatalog(store, voucher.discount),
    rules: rules.outcome,
    targets: rules.targets,
    ...(giftBalance !== null ? { gift: { balance: giftBalance, requested: null } } : {}),
  });
  if (!evaluation.valid) return null;
  let result: QualificationResult = evaluation.discount ? { discount: evaluation.discount } : {};
  let calculated = evaluation.order;
  if (giftBalance !== null) {
    ({ result, order: calculated } = giftResult(giftBalance, order));
  }
  if (voucher.type === 'LOYALTY_CARD' && voucher.loyalty_card) {
    const points = voucher.loyalty_card.points;
    result = { loyalty_card: { points, balance: points } };
  }
  return {
    object: 'voucher',
    id: voucher.code,
    resource_id: voucher.id,
    created_at: voucher.created_at,
    campaign_id: voucher.campaign_id,
    campaign_type: loaded.campaign?.campaign_type ?? null,
    category_ids: voucher.category_id ? [voucher.category_id] : [],
    voucher_type: voucher.type,
    code: voucher.code,
    holder_role: voucher.is_referral_code ? 'REFERRER' : 'OWNER',
    discount_amount: calculated?.total_applied_discount_amount ?? 0,
    source: { kind: 'voucher', voucher: loaded },
    result,
    order: calculated,
    rules,
    definitions,
    category: loaded.category,
  };
}

export type TierQualification =
  | { qualified: true; entry: QualifiedEntry }
  | { qualified: false; rules: VoucherRulesCheck };

/** The catalog of a discount that adds no units: nothing to look up. */
const NO_CATALOG: CatalogLookup = () => undefined;

/**
 * A tier whose rules passed, judged with what it reads from the store at hand: the catalog of a
 * unit discount, and its category (the tier's, else its campaign's).
 */
function judgeTier(
  facts: QualificationFacts,
  active: ActiveTier,
  priced: boolean,
  rules: VoucherRulesCheck,
  catalog: CatalogLookup,
  category: Category | null,
): TierQualification {
  const { now, timezone } = facts;
  const { tier, campaign, definitions } = active;
  const evaluation = evaluatePromotionTier({
    tier,
    campaign,
    now,
    timezone,
    order: priced ? facts.started : null,
    catalog,
    rules: rules.outcome,
    targets: rules.targets,
  });
  if (!evaluation.valid) return { qualified: false, rules };
  const categoryId = tier.category_id ?? campaign.category_id;
  const entry: QualifiedEntry = {
    object: 'promotion_tier',
    id: tier.id,
    resource_id: tier.id,
    created_at: tier.created_at,
    campaign_id: campaign.id,
    campaign_type: campaign.campaign_type,
    category_ids: categoryId ? [categoryId] : [],
    voucher_type: null,
    code: null,
    holder_role: null,
    discount_amount: evaluation.order?.total_applied_discount_amount ?? 0,
    source: { kind: 'promotion_tier', tier, campaign },
    result: { discount: evaluation.discount },
    order: evaluation.order,
    rules,
    definitions,
    category,
  };
  return { qualified: true, entry };
}

/** A promotion tier usable now, judged alone against the cart, as a promotion validation judges it (see qualifyVoucher for `priced`). */
export async function qualifyTier(
  facts: QualificationFacts,
  active: ActiveTier,
  priced = true,
): Promise<TierQualification> {
  const { store, session, cache } = facts;
  const { tier, campaign, subject, definitions } = active;
  const rules = await checkSubjectRules(store, session, subject, definitions);
  if (!rules.outcome.passed) return { qualified: false, rules };
  const catalog = await loadDiscountCatalog(store, tier.discount);
  const category = await cache.category(tier.category_id ?? campaign.category_id);
  return judgeTier(facts, active, priced, rules, catalog, category);
}

/**
 * qualifyTier without awaiting, for the common tier that reads nothing from the store: rules
 * without counts, a discount that adds no units, a category already read. Null when the tier
 * needs the store: then qualifyTier judges it. Awaiting a thousand tiers one by one costs more
 * than judging them.
 */
export function qualifyTierAtOnce(
  facts: QualificationFacts,
  active: ActiveTier,
  priced = true,
): TierQualification | null {
  const { tier, campaign, definitions } = active;
  if (readsCounts(definitions) || tier.discount.type === 'UNIT') return null;
  const rules = checkUncountedRules(facts.session, definitions);
  if (!rules.outcome.passed) return { qualified: false, rules };
  const category = facts.cache.categoryAtOnce(tier.category_id ?? campaign.category_id);
  if (category === undefined) return null;
  return judgeTier(facts, active, priced, rules, NO_CATALOG, category);
}

/** A stack's own answer names no applicable_to: each of its tiers names its own. */
const STACK_RULES: VoucherRulesCheck = {
  outcome: { passed: true, applicableTo: null },
  targets: NO_TARGETS,
  applicableTo: null,
};

/** The order after several discounts, its applied_* fields saying what all of them did together. */
function appliedTogether(order: CalculatedOrder): CalculatedOrder {
  return {
    ...order,
    applied_discount_amount: order.discount_amount,
    items_applied_discount_amount: order.items_discount_amount,
    total_applied_discount_amount: order.total_discount_amount,
    items: order.items.map((item) => ({ ...item, applied_discount_amount: item.discount_amount })),
  };
}

/**
 * A promotion stack qualifies when every tier it names qualifies alone; its tiers then apply in the
 * stack's order (its hierarchy mode is MANUAL), each on the running total, as a stacked validation
 * of the stack applies them.
 */
export async function qualifyStack(
  facts: QualificationFacts,
  stack: PromotionStack,
  campaign: Campaign,
  qualifiedTiers: ReadonlyMap<string, QualifiedEntry>,
): Promise<QualifiedEntry | null> {
  const tiers = stack.tier_ids.map((id) => qualifiedTiers.get(id));
  if (tiers.length === 0 || tiers.some((tier) => tier === undefined)) return null;
  const entries = tiers as QualifiedEntry[];
  let running = facts.started;
  for (const entry of entries) {
    if (!running || entry.source.kind !== 'promotion_tier') continue;
    const discount = entry.source.tier.discount;
    running = applyDiscount(running, discount, entry.rules.targets, {
      base: 'DISCOUNTED_AMOUNT',
      catalog: await loadDiscountCatalog(facts.store, discount),
    }).order;
  }
  const order = running && appliedTogether(running);
  const categoryId = stack.category_id ?? campaign.category_id;
  return {
    object: 'promotion_stack',
    id: stack.id,
    resource_id: stack.id,
    created_at: stack.created_at,
    campaign_id: campaign.id,
    campaign_type: campaign.campaign_type,
    category_ids: categoryId ? [categoryId] : [],
    voucher_type: null,
    code: null,
    holder_role: null,
    discount_amount: order?.total_applied_discount_amount ?? 0,
    source: { kind: 'promotion_stack', stack, campaign, tiers: entries },
    result: {},
    order,
    rules: STACK_RULES,
    definitions: entries.flatMap((entry) => entry.definitions),
    category: await facts.cache.category(categoryId),
  };
}

/** Works out the cart's discount of redeemables judged unpriced: the page that is shown, no more. */
export async function priceEntries(
  facts: QualificationFacts,
  entries: readonly QualifiedEntry[],
): Promise<QualifiedEntry[]> {
  if (!facts.order) return [...entries];
  const priced: QualifiedEntry[] = [];
  for (const entry of entries) {
    const { source } = entry;
    let again: QualifiedEntry | null = entry;
    if (source.kind === 'voucher') again = await qualifyVoucher(facts, source.voucher, entry.definitions);
    if (source.kind === 'promotion_tier') {
      const subject = {
        scope: { type: 'promotion_tier' as const, id: source.tier.id },
        campaignId: source.campaign.id,
      };
      const active = { ...source, subject, definitions: entry.definitions };
      const outcome = qualifyTierAtOnce(facts, active) ?? (await qualifyTier(facts, active));
      again = outcome.qualified ? outcome.entry : null;
    }
    // The lines a product scenario listed it for do not change with the price.
    priced.push(again && entry.products ? { ...again, products: entry.products } : (again ?? entry));
  }
  return priced;
}
