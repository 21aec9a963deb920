import type { Campaign, GenerationStatus } from '../../domain/campaigns/campaign.js';
import type { Category } from '../../domain/categories/category.js';
import { notFound } from '../../domain/errors.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';
import { loadCampaignTiers } from '../promotions/promotion-tier-queries.js';
import { loadAssignments } from '../validation-rules/object-rule-assignments.js';
import type { CampaignView } from '../views/campaign-view.js';

/** The live campaign with this id or name, as Voucherify's `{campaignId}` paths allow; 404 otherwise. */
export async function getCampaignByRef(store: ProjectStore, ref: string): Promise<Campaign> {
  const campaign = await store.campaigns.findByRef(ref);
  if (!campaign) throw notFound('campaign', ref);
  return campaign;
}

/** Campaigns with their categories, each category loaded once, and their rule assignments in one query. */
export async function viewCampaigns(store: ProjectStore, campaigns: readonly Campaign[]): Promise<CampaignView[]> {
  const assignments = await loadAssignments(
    store,
    'campaign',
    campaigns.map((campaign) => campaign.id),
  );
  const tiers = await loadCampaignTiers(store, campaigns);
  const categories = new Map<string, Category | null>();
  const views: CampaignView[] = [];
  for (const campaign of campaigns) {
    let category: Category | null = null;
    if (campaign.category_id !== null) {
      if (!categories.has(campaign.category_id)) {
        categories.set(campaign.category_id, (await store.categories.findById(campaign.category_id)) ?? null);
      }
      category = categories.get(campaign.category_id) ?? null;
    }
    const promotion = tiers.get(campaign.id);
    views.push({
      campaign,
      category,
      assignments: assignments.get(campaign.id) ?? [],
      ...(promotion ? { tiers: promotion } : {}),
    });
  }
  return views;
}

export async function viewCampaign(store: ProjectStore, campaign: Campaign): Promise<CampaignView> {
  const [view] = await viewCampaigns(store, [campaign]);
  return view as CampaignView;
}

export async function getCampaign(ctx: ProjectContext, ref: string): Promise<CampaignView> {
  return viewCampaign(ctx.store, await getCampaignByRef(ctx.store, ref));
}

export interface CampaignListParams {
  campaign_type?: string;
  campaign_status?: GenerationStatus;
}

export async function listCampaigns(
  ctx: ProjectContext,
  query: ListQuery,
  params: CampaignListParams,
): Promise<ListPage<CampaignView>> {
  const page = await ctx.store.campaigns.list(query, {
    campaign_type: params.campaign_type,
    vouchers_generation_status: params.campaign_status,
  });
  return { ...page, items: await viewCampaigns(ctx.store, page.items) };
}
