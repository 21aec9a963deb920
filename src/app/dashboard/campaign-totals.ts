import type { ProjectContext } from '../context.js';

/** Most campaigns one call sums: a page of the dashboard's campaign list and then some. */
export const MAX_CAMPAIGNS_SUMMED = 100;

export interface CampaignTotals {
  id: string;
  redemptions_succeeded: number;
  redemptions_failed: number;
  /** Successful redemptions later rolled back: the list shows the ones still standing. */
  redemptions_rolled_back: number;
  /** Discount given by redemptions still standing (rolled back ones are taken off). */
  discount_given: number;
}

/**
 * The campaign list's redemption and discount columns: each listed campaign's figures in one
 * query, where the API would need a summary call per campaign. Unknown ids sum to zero.
 */
export async function campaignTotals(ctx: ProjectContext, campaignIds: readonly string[]): Promise<CampaignTotals[]> {
  const unique = [...new Set(campaignIds)];
  const summaries = await ctx.store.redemptions.summarizeCampaigns(unique);
  return unique.map((id) => {
    const summary = summaries.get(id);
    return {
      id,
      redemptions_succeeded: summary?.redemptions_succeeded ?? 0,
      redemptions_failed: summary?.redemptions_failed ?? 0,
      redemptions_rolled_back: summary?.rollbacks_succeeded ?? 0,
      discount_given: (summary?.discounted_amount ?? 0) - (summary?.rolledback_discounted_amount ?? 0),
    };
  });
}
