import { invalidPayload } from '../../domain/errors.js';
import { parseStackChanges } from '../../domain/promotions/parse-promotion-stack.js';
import type { PromotionStack } from '../../domain/promotions/promotion-stack.js';
import type { ProjectContext } from '../context.js';
import type { PromotionStackView } from '../views/promotion-stack-view.js';
import { getPromotionCampaign, lockPromotionCampaign } from './promotion-campaign.js';
import {
  checkStackTiers,
  type PromotionStackInput,
  resolveStackCategory,
  viewStack,
} from './promotion-stack-queries.js';

/** Most stacks one campaign holds; every promotion validation may read them all. */
export const MAX_STACKS_PER_CAMPAIGN = 100;

/**
 * POST /promotions/{campaignId}/stacks: tiers of the campaign applied together in the order
 * listed. The campaign is locked first, so no tier of it is deleted while the stack names it.
 */
export function createPromotionStack(
  ctx: ProjectContext,
  campaignRef: string,
  input: PromotionStackInput,
): Promise<PromotionStackView> {
  const changes = parseStackChanges(input as Record<string, unknown>, 'create');
  return ctx.store.transaction(async (store) => {
    const found = await getPromotionCampaign(store, campaignRef);
    const campaign = await lockPromotionCampaign(store, found.id);
    const tierIds = changes.tier_ids ?? [];
    await checkStackTiers(store, campaign, tierIds);
    if ((await store.promotionStacks.listForCampaign(campaign.id)).length >= MAX_STACKS_PER_CAMPAIGN) {
      throw invalidPayload(
        `Campaign ${campaign.name} holds ${MAX_STACKS_PER_CAMPAIGN} promotion stacks, the most it may`,
      );
    }
    const stack: PromotionStack = {
      id: ctx.ids.newId('stack_'),
      campaign_id: campaign.id,
      name: changes.name ?? '',
      tier_ids: tierIds,
      hierarchy_mode: changes.hierarchy_mode ?? 'MANUAL',
      category_id: (await resolveStackCategory(store, input.category_id)) ?? null,
      created_at: ctx.clock.now().toISOString(),
      updated_at: null,
    };
    await store.promotionStacks.insert(stack);
    return viewStack(store, stack);
  });
}
