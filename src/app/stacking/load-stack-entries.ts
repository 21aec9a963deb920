import type { Campaign } from '../../domain/campaigns/campaign.js';
import type { Category } from '../../domain/categories/category.js';
import { AppError, notFound } from '../../domain/errors.js';
import type { PromotionTier } from '../../domain/promotions/promotion-tier.js';
import { type AssignedDefinition, scopeKeyOf } from '../../domain/rules/check-assigned-rules.js';
import type { CategoryRank } from '../../domain/stacking/plan-stack.js';
import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';
import { type LoadedVoucher, loadVoucher } from '../redemptions/load-voucher.js';
import { loadSubjectRules, type RuleSubject, voucherSubject } from '../redemptions/rule-subjects.js';
import type { ReservationsInForce } from '../repositories/voucher-repository.js';
import type { RedeemableRef } from './stack-request.js';

/** What one redeemable of the request turned out to be. */
export type StackSource =
  | { kind: 'voucher'; voucher: LoadedVoucher }
  | { kind: 'promotion_tier'; tier: PromotionTier; campaign: Campaign }
  /** Named but not found (or not usable in a stack): inapplicable, with this error. */
  | { kind: 'unknown'; error: AppError };

/** A redeemable as the answer names it, with what was read for it. */
export interface StackEntry {
  /** Its place in the request (a promotion stack's tiers share the stack's place, in order). */
  position: number;
  object: 'voucher' | 'promotion_tier';
  /** The voucher's code or the tier's id, as the request sent it. */
  id: string;
  source: StackSource;
  subject: RuleSubject | null;
  definitions: readonly AssignedDefinition[];
  categories: Category[];
  /** A gift card's `gift.credits` as the request sent them (null: as much as the order has left). */
  giftCredits?: number | null;
}

export interface LoadedStack {
  entries: StackEntry[];
  categoriesById: Map<string, Category & CategoryRank>;
}

async function loadTier(
  store: ProjectStore,
  id: string,
): Promise<{ tier: PromotionTier; campaign: Campaign } | undefined> {
  const tier = await store.promotionTiers.findById(id);
  const campaign = tier ? await store.campaigns.findById(tier.campaign_id) : undefined;
  return tier && campaign ? { tier, campaign } : undefined;
}

async function sourceOf(
  ctx: ProjectContext,
  store: ProjectStore,
  object: string,
  id: string,
  reservations: ReservationsInForce,
): Promise<StackSource> {
  if (object === 'voucher') {
    try {
      return { kind: 'voucher', voucher: await loadVoucher(store, ctx.project, id, reservations) };
    } catch (error) {
      if (error instanceof AppError && error.key === 'not_found') return { kind: 'unknown', error };
      throw error;
    }
  }
  const found = await loadTier(store, id);
  return found ? { kind: 'promotion_tier', ...found } : { kind: 'unknown', error: notFound('promotion_tier', id) };
}

/** The tiers a promotion stack names, in its order, each reported as a promotion tier of the request. */
async function expandStack(store: ProjectStore, id: string): Promise<{ object: 'promotion_tier'; id: string }[]> {
  const stack = await store.promotionStacks.findById(id);
  if (!stack) throw notFound('promotion_stack', id);
  return stack.tier_ids.map((tierId) => ({ object: 'promotion_tier', id: tierId }));
}

function categoryIdOf(source: StackSource): string | null {
  switch (source.kind) {
    case 'voucher':
      return source.voucher.effective.category_id;
    case 'promotion_tier':
      return source.tier.category_id ?? source.campaign.category_id;
    case 'unknown':
      return null;
  }
}

function subjectOf(source: StackSource): RuleSubject | null {
  switch (source.kind) {
    case 'voucher':
      return voucherSubject(source.voucher);
    case 'promotion_tier':
      return { scope: { type: 'promotion_tier', id: source.tier.id }, campaignId: source.campaign.id };
    case 'unknown':
      return null;
  }
}

/**
 * Reads every redeemable the request names, with its campaign, category and compiled rules (one
 * lookup for all of them). An unknown code or tier is not an error of the request: it is reported
 * as an inapplicable redeemable, as Voucherify does. A promotion stack stands for its tiers.
 * Vouchers count the uses validation sessions other than `reservations.exceptKey` hold.
 */
export async function loadStackEntries(
  ctx: ProjectContext,
  store: ProjectStore,
  refs: readonly RedeemableRef[],
  reservations: ReservationsInForce,
): Promise<LoadedStack> {
  const named: { position: number; object: 'voucher' | 'promotion_tier'; id: string; giftCredits?: number | null }[] =
    [];
  for (const [position, ref] of refs.entries()) {
    if (ref.object === 'promotion_stack') {
      for (const tier of await expandStack(store, ref.id)) named.push({ position, ...tier });
    } else if (ref.object === 'voucher') {
      named.push({ position, object: ref.object, id: ref.id, giftCredits: ref.gift?.credits ?? null });
    } else named.push({ position, object: ref.object, id: ref.id });
  }
  const sources: StackSource[] = [];
  for (const { object, id } of named) sources.push(await sourceOf(ctx, store, object, id, reservations));
  const subjects = sources.map(subjectOf);
  const rules = await loadSubjectRules(
    store,
    subjects.filter((subject): subject is RuleSubject => subject !== null),
  );

  const categoriesById = new Map<string, Category & CategoryRank>();
  for (const id of new Set(sources.map(categoryIdOf))) {
    const category = id ? await store.categories.findById(id) : undefined;
    if (category) categoriesById.set(category.id, category);
  }
  const entries = named.map(({ position, object, id, giftCredits }, index): StackEntry => {
    const source = sources[index] as StackSource;
    const subject = subjects[index] ?? null;
    const categoryId = categoryIdOf(source);
    const category = categoryId ? categoriesById.get(categoryId) : undefined;
    return {
      position,
      object,
      id,
      source,
      subject,
      definitions: subject ? (rules.get(scopeKeyOf(subject.scope)) ?? []) : [],
      categories: category ? [category] : [],
      ...(giftCredits !== undefined ? { giftCredits } : {}),
    };
  });
  return { entries, categoriesById };
}
