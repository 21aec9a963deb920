import { parseStackChanges } from '../../domain/promotions/parse-promotion-stack.js';
import type { PromotionStack } from '../../domain/promotions/promotion-stack.js';
import type { ProjectContext } from '../context.js';
import type { PromotionStackView } from '../views/promotion-stack-view.js';
import { getPromotionCampaign, lockPromotionCampaign } from './promotion-campaign.js';
import {
  checkStackTiers,
  getStackIn,
  type PromotionStackInput,
  resolveStackCategory,
  viewStack,
} from './promotion-stack-queries.js';

/** PUT /promotions/{campaignId}/stacks/{stackId}: sets the fields sent; `tiers.ids` replaces the list whole. */
export function updatePromotionStack(
  ctx: ProjectContext,
  campaignRef: string,
  stackId: string,
  input: PromotionStackInput,
): Promise<PromotionStackView> {
  const changes = parseStackChanges(input as Record<string, unknown>, 'update');
  return ctx.store.transaction(async (store) => {
    const found = await getPromotionCampaign(store, campaignRef);
    const campaign = await lockPromotionCampaign(store, found.id);
    const stack = await getStackIn(store, campaign, stackId);
    if (changes.tier_ids !== undefined) await checkStackTiers(store, campaign, changes.tier_ids);
    const next: PromotionStack = { ...stack, ...changes, updated_at: ctx.clock.now().toISOString() };
    const categoryId = await resolveStackCategory(store, input.category_id);
    if (categoryId !== undefined) next.category_id = categoryId;
    await store.promotionStacks.update(next);
    return viewStack(store, next);
  });
}
