import type { Campaign } from '../../domain/campaigns/campaign.js';
import { invalidPayload } from '../../domain/errors.js';
import type { Metadata } from '../../domain/metadata.js';
import { newTier, parseTierChanges, type TierChanges } from '../../domain/promotions/parse-promotion-tier.js';
import { MAX_TIERS_PER_CAMPAIGN, type PromotionTier } from '../../domain/promotions/promotion-tier.js';
import type { ProjectContext } from '../context.js';
import { checkMetadata } from '../metadata-schemas/check-metadata.js';
import type { ProjectStore } from '../ports.js';
import { assignRules, readRuleIds } from '../validation-rules/object-rule-assignments.js';
import type { PromotionTierView } from '../views/promotion-tier-view.js';
import { resolveCategoryId } from '../vouchers/voucher-fields.js';
import { getPromotionCampaign, lockPromotionCampaign } from './promotion-campaign.js';
import { viewTier } from './promotion-tier-queries.js';

/** A tier as a client sends it, on its own or in a campaign's `promotion.tiers`. */
export interface PromotionTierInput {
  name?: string | null;
  banner?: string | null;
  action?: { discount?: unknown } | null;
  metadata?: Metadata | null;
  hierarchy?: number | null;
  active?: boolean | null;
  start_date?: string | null;
  expiration_date?: string | null;
  validity_timeframe?: unknown;
  validity_day_of_week?: unknown;
  validity_hours?: unknown;
  category?: string | null;
  category_id?: string | null;
  validation_rules?: string[] | null;
}

/** Checks every tier's own fields before anything is written, naming the tier at fault. */
export function parseNewTiers(inputs: readonly PromotionTierInput[], pathOf: (index: number) => string): TierChanges[] {
  return inputs.map((input, index) => parseTierChanges(input as Record<string, unknown>, pathOf(index), 'create'));
}

/**
 * Stores new tiers of a locked (or just created) campaign in the open transaction, with their
 * categories and rules. A tier without a hierarchy ranks after the campaign's others.
 */
export async function insertTiers(
  ctx: Pick<ProjectContext, 'ids' | 'clock'>,
  store: ProjectStore,
  campaign: Campaign,
  inputs: readonly PromotionTierInput[],
  pathOf: (index: number) => string,
): Promise<PromotionTier[]> {
  const parsed = parseNewTiers(inputs, pathOf);
  const existing = await store.promotionTiers.countInCampaign(campaign.id);
  if (existing + inputs.length > MAX_TIERS_PER_CAMPAIGN) {
    throw invalidPayload(
      `Campaign ${campaign.name} would have ${existing + inputs.length} promotion tiers; a campaign holds at most ${MAX_TIERS_PER_CAMPAIGN}`,
    );
  }
  let nextHierarchy = ((await store.promotionTiers.maxHierarchy(campaign.id)) ?? 0) + 1;
  const now = ctx.clock.now().toISOString();
  const tiers: PromotionTier[] = [];
  for (const [index, input] of inputs.entries()) {
    const changes = parsed[index] as TierChanges;
    const ruleIds = await readRuleIds(store, input.validation_rules);
    const tier = newTier(
      changes,
      {
        id: ctx.ids.newId('promo_'),
        campaign_id: campaign.id,
        default_hierarchy: nextHierarchy,
        category_id: (await resolveCategoryId(store, input)) ?? null,
        now,
      },
      pathOf(index),
    );
    nextHierarchy = Math.max(nextHierarchy, tier.hierarchy) + 1;
    await checkMetadata(store, 'promotion_tier', tier.metadata);
    await store.promotionTiers.insert(tier);
    await assignRules(ctx, store, { type: 'promotion_tier', id: tier.id }, ruleIds);
    tiers.push(tier);
  }
  return tiers;
}

/** POST /promotions/{campaignId}/tiers: one more tier in a PROMOTION campaign. */
export function createPromotionTier(
  ctx: ProjectContext,
  campaignRef: string,
  input: PromotionTierInput,
): Promise<PromotionTierView> {
  parseNewTiers([input], () => '');
  return ctx.store.transaction(async (store) => {
    const found = await getPromotionCampaign(store, campaignRef);
    const campaign = await lockPromotionCampaign(store, found.id);
    const [tier] = await insertTiers(ctx, store, campaign, [input], () => '');
    await store.promotionIndex.raiseVersion();
    return viewTier(store, tier as PromotionTier);
  });
}
