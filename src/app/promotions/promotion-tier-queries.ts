import type { Campaign } from '../../domain/campaigns/campaign.js';
import type { Category } from '../../domain/categories/category.js';
import { notFound } from '../../domain/errors.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { PromotionTier } from '../../domain/promotions/promotion-tier.js';
import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';
import { loadAssignments } from '../validation-rules/object-rule-assignments.js';
import type { PromotionTierView } from '../views/promotion-tier-view.js';
import { getPromotionCampaign } from './promotion-campaign.js';

/** Loads each id once per answer: a page of tiers mostly shares a few campaigns and categories. */
class OnceLoader<T> {
  private readonly loaded = new Map<string, T | null>();
  constructor(private readonly load: (id: string) => Promise<T | undefined>) {}

  async get(id: string | null): Promise<T | null> {
    if (id === null) return null;
    if (!this.loaded.has(id)) this.loaded.set(id, (await this.load(id)) ?? null);
    return this.loaded.get(id) ?? null;
  }
}

/**
 * Tiers with their campaigns, categories and rule assignments (the assignments in one query). A
 * known campaign is passed in so a campaign's own answer does not read it again.
 */
export async function viewTiers(
  store: ProjectStore,
  tiers: readonly PromotionTier[],
  knownCampaigns: readonly Campaign[] = [],
): Promise<PromotionTierView[]> {
  const assignments = await loadAssignments(
    store,
    'promotion_tier',
    tiers.map((tier) => tier.id),
  );
  const known = new Map(knownCampaigns.map((campaign) => [campaign.id, campaign]));
  const campaigns = new OnceLoader<Campaign>(async (id) => known.get(id) ?? (await store.campaigns.findStoredById(id)));
  const categories = new OnceLoader<Category>((id) => store.categories.findById(id));
  const views: PromotionTierView[] = [];
  for (const tier of tiers) {
    const campaign = await campaigns.get(tier.campaign_id);
    if (!campaign) continue;
    views.push({
      tier,
      campaign,
      category: await categories.get(tier.category_id),
      assignments: assignments.get(tier.id) ?? [],
    });
  }
  return views;
}

export async function viewTier(store: ProjectStore, tier: PromotionTier): Promise<PromotionTierView> {
  const [view] = await viewTiers(store, [tier]);
  if (!view) throw notFound('promotion_tier', tier.id);
  return view;
}

/** The tier with this id; 404 otherwise. */
export async function getTierIn(store: ProjectStore, id: string): Promise<PromotionTier> {
  const tier = await store.promotionTiers.findById(id);
  if (!tier) throw notFound('promotion_tier', id);
  return tier;
}

/** GET /promotions/tiers/{promotionTierId}. */
export async function getPromotionTier(ctx: ProjectContext, id: string): Promise<PromotionTierView> {
  return viewTier(ctx.store, await getTierIn(ctx.store, id));
}

/** The tiers of PROMOTION campaigns, by campaign id, for the campaigns' own answers. */
export async function loadCampaignTiers(
  store: ProjectStore,
  campaigns: readonly Campaign[],
): Promise<Map<string, PromotionTierView[]>> {
  const promotions = campaigns.filter((campaign) => campaign.campaign_type === 'PROMOTION');
  const byCampaign = new Map<string, PromotionTierView[]>(promotions.map((campaign) => [campaign.id, []]));
  if (promotions.length === 0) return byCampaign;
  const tiers = await store.promotionTiers.listForCampaigns(promotions.map((campaign) => campaign.id));
  for (const view of await viewTiers(store, tiers, promotions)) byCampaign.get(view.campaign.id)?.push(view);
  return byCampaign;
}

/** GET /promotions/{campaignId}/tiers: every tier of the campaign, by hierarchy. */
export async function listCampaignTiers(ctx: ProjectContext, ref: string): Promise<PromotionTierView[]> {
  const campaign = await getPromotionCampaign(ctx.store, ref);
  return (await loadCampaignTiers(ctx.store, [campaign])).get(campaign.id) ?? [];
}

/** GET /promotions/tiers: tiers of every campaign, or with `is_available` only those usable now. */
export async function listPromotionTiers(
  ctx: ProjectContext,
  query: ListQuery,
  params: { is_available?: boolean },
): Promise<ListPage<PromotionTierView>> {
  const filters = params.is_available ? { available_at: ctx.clock.now().toISOString() } : {};
  const page = await ctx.store.promotionTiers.list(query, filters);
  return { ...page, items: await viewTiers(ctx.store, page.items) };
}
