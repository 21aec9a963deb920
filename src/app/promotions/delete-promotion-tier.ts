import { AppError } from '../../domain/errors.js';
import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';
import { lockTier } from './update-promotion-tier.js';

/**
 * DELETE /promotions/tiers/{promotionTierId}: the tier and its rule assignments. A tier a stack
 * holds is refused, naming the stack, rather than silently changing what the stack applies.
 */
export function deletePromotionTier(ctx: ProjectContext, id: string): Promise<void> {
  return ctx.store.transaction(async (store) => {
    const tier = await lockTier(store, id);
    const holders = (await store.promotionStacks.listForCampaign(tier.campaign_id)).filter((stack) =>
      stack.tier_ids.includes(tier.id),
    );
    if (holders.length > 0) {
      throw new AppError('resource_in_use', {
        details: `Promotion tier ${tier.id} is in promotion stack(s) ${holders.map((stack) => stack.id).join(', ')}; remove it from them first`,
      });
    }
    await store.validationRuleAssignments.deleteForObject('promotion_tier', tier.id);
    await store.promotionTiers.delete(tier.id);
    await store.promotionIndex.raiseVersion();
  });
}

/**
 * Removes a PROMOTION campaign's tiers, stacks and the tiers' rule assignments, in the
 * transaction that deletes the campaign (which has written the campaign's row first, so tier
 * writes, which lock that row, wait for it and then find no campaign).
 */
export async function deleteCampaignPromotions(store: ProjectStore, campaignId: string): Promise<void> {
  await store.promotionStacks.deleteForCampaign(campaignId);
  for (const tierId of await store.promotionTiers.deleteForCampaign(campaignId)) {
    await store.validationRuleAssignments.deleteForObject('promotion_tier', tierId);
  }
}
