import type { Campaign } from '../../domain/campaigns/campaign.js';
import { notFound } from '../../domain/errors.js';
import type { ProjectContext } from '../context.js';
import type { CampaignRedemptionSummary } from '../repositories/redemption-repository.js';

export interface CampaignSummary {
  campaign: Campaign;
  redemptions: CampaignRedemptionSummary;
}

/** GET /campaigns/{id|name}/summary: what a campaign has given so far. */
export async function getCampaignSummary(ctx: ProjectContext, ref: string): Promise<CampaignSummary> {
  const campaign = (await ctx.store.campaigns.findById(ref)) ?? (await ctx.store.campaigns.findByName(ref));
  if (!campaign) throw notFound('campaign', ref);
  const summaries = await ctx.store.redemptions.summarizeCampaigns([campaign.id]);
  return { campaign, redemptions: summaries.get(campaign.id) as CampaignRedemptionSummary };
}
