import type { Campaign } from '../../domain/campaigns/campaign.js';
import type { Category } from '../../domain/categories/category.js';
import { notFound } from '../../domain/errors.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import { assertStackTiers } from '../../domain/promotions/parse-promotion-stack.js';
import type { PromotionStack } from '../../domain/promotions/promotion-stack.js';
import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';
import type { PromotionStackView } from '../views/promotion-stack-view.js';
import { getPromotionCampaign } from './promotion-campaign.js';

/** A stack as a client sends it. */
export interface PromotionStackInput {
  name?: string | null;
  tiers?: { ids?: string[] | null; hierarchy_mode?: string | null } | null;
  category_id?: string | null;
}

export async function viewStacks(
  store: ProjectStore,
  stacks: readonly PromotionStack[],
): Promise<PromotionStackView[]> {
  const categories = new Map<string, Category | null>();
  const views: PromotionStackView[] = [];
  for (const stack of stacks) {
    let category: Category | null = null;
    if (stack.category_id !== null) {
      if (!categories.has(stack.category_id)) {
        categories.set(stack.category_id, (await store.categories.findById(stack.category_id)) ?? null);
      }
      category = categories.get(stack.category_id) ?? null;
    }
    views.push({ stack, category });
  }
  return views;
}

export async function viewStack(store: ProjectStore, stack: PromotionStack): Promise<PromotionStackView> {
  const [view] = await viewStacks(store, [stack]);
  return view as PromotionStackView;
}

/** The stack with this id in this campaign; 404 when it is in no campaign or another. */
export async function getStackIn(store: ProjectStore, campaign: Campaign, stackId: string): Promise<PromotionStack> {
  const stack = await store.promotionStacks.findById(stackId);
  if (!stack || stack.campaign_id !== campaign.id) throw notFound('promotion_stack', stackId);
  return stack;
}

/** Every tier id must name a tier of the stack's campaign. */
export async function checkStackTiers(store: ProjectStore, campaign: Campaign, tierIds: readonly string[]) {
  const found = await store.promotionTiers.findByIds(tierIds);
  assertStackTiers(tierIds, new Map(found.map((tier) => [tier.id, tier.campaign_id])), campaign.id);
}

/** The id of the category a stack names, 404 when there is none such; undefined when not sent. */
export async function resolveStackCategory(
  store: ProjectStore,
  categoryId: string | null | undefined,
): Promise<string | null | undefined> {
  if (categoryId === undefined || categoryId === null) return categoryId;
  const category = await store.categories.findById(categoryId);
  if (!category) throw notFound('category', categoryId);
  return category.id;
}

/** GET /promotions/{campaignId}/stacks/{stackId}. */
export async function getPromotionStack(
  ctx: ProjectContext,
  campaignRef: string,
  stackId: string,
): Promise<PromotionStackView> {
  const campaign = await getPromotionCampaign(ctx.store, campaignRef);
  return viewStack(ctx.store, await getStackIn(ctx.store, campaign, stackId));
}

/** GET /promotions/stacks: the stacks of every campaign. */
export async function listPromotionStacks(
  ctx: ProjectContext,
  query: ListQuery,
): Promise<ListPage<PromotionStackView>> {
  const page = await ctx.store.promotionStacks.list(query);
  return { ...page, items: await viewStacks(ctx.store, page.items) };
}

/** GET /promotions/{campaignId}/stacks: every stack of the campaign (a bounded few), oldest first. */
export async function listCampaignStacks(ctx: ProjectContext, campaignRef: string): Promise<PromotionStackView[]> {
  const campaign = await getPromotionCampaign(ctx.store, campaignRef);
  return viewStacks(ctx.store, await ctx.store.promotionStacks.listForCampaign(campaign.id));
}
