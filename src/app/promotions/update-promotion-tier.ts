import { applyTierChanges, parseTierChanges } from '../../domain/promotions/parse-promotion-tier.js';
import type { PromotionTier } from '../../domain/promotions/promotion-tier.js';
import type { ProjectContext } from '../context.js';
import { checkMetadata } from '../metadata-schemas/check-metadata.js';
import type { ProjectStore } from '../ports.js';
import { readRuleIds, replaceRules } from '../validation-rules/object-rule-assignments.js';
import type { PromotionTierView } from '../views/promotion-tier-view.js';
import { resolveCategoryId } from '../vouchers/voucher-fields.js';
import type { PromotionTierInput } from './create-promotion-tier.js';
import { lockPromotionCampaign } from './promotion-campaign.js';
import { getTierIn, viewTier } from './promotion-tier-queries.js';

/** The tier as it is after its campaign is locked, so no write to it runs beside this one. */
export async function lockTier(store: ProjectStore, id: string): Promise<PromotionTier> {
  const tier = await getTierIn(store, id);
  await lockPromotionCampaign(store, tier.campaign_id);
  return getTierIn(store, id);
}

/**
 * PUT /promotions/tiers/{promotionTierId}: sets the fields sent; `validation_rules`, when sent,
 * become the tier's rules. The SDK sends the tier's `id` in the body too; the path decides.
 */
export function updatePromotionTier(
  ctx: ProjectContext,
  id: string,
  input: PromotionTierInput & { id?: string | null },
): Promise<PromotionTierView> {
  const { id: _ignored, ...fields } = input;
  const changes = parseTierChanges(fields as Record<string, unknown>, '', 'update');
  return ctx.store.transaction(async (store) => {
    const tier = await lockTier(store, id);
    const next = applyTierChanges(tier, changes, ctx.clock.now().toISOString());
    const categoryId = await resolveCategoryId(store, fields);
    if (categoryId !== undefined) next.category_id = categoryId;
    if (changes.metadata !== undefined) await checkMetadata(store, 'promotion_tier', next.metadata);
    await store.promotionTiers.update(next);
    if (fields.validation_rules !== undefined) {
      await replaceRules(
        ctx,
        store,
        { type: 'promotion_tier', id: tier.id },
        await readRuleIds(store, fields.validation_rules),
      );
    }
    await store.promotionIndex.raiseVersion();
    return viewTier(store, next);
  });
}

/** POST /promotions/tiers/{promotionTierId}/enable|disable: the campaign's switch still applies beside it. */
export function setPromotionTierActive(ctx: ProjectContext, id: string, active: boolean): Promise<PromotionTierView> {
  return ctx.store.transaction(async (store) => {
    const tier = await lockTier(store, id);
    const next = applyTierChanges(tier, { active }, ctx.clock.now().toISOString());
    await store.promotionTiers.update(next);
    await store.promotionIndex.raiseVersion();
    return viewTier(store, next);
  });
}
