import type { ProjectContext } from '../context.js';
import { getPromotionCampaign, lockPromotionCampaign } from './promotion-campaign.js';
import { getStackIn } from './promotion-stack-queries.js';

/** DELETE /promotions/{campaignId}/stacks/{stackId}. */
export function deletePromotionStack(ctx: ProjectContext, campaignRef: string, stackId: string): Promise<void> {
  return ctx.store.transaction(async (store) => {
    const found = await getPromotionCampaign(store, campaignRef);
    const campaign = await lockPromotionCampaign(store, found.id);
    await store.promotionStacks.delete((await getStackIn(store, campaign, stackId)).id);
  });
}
