import type { ProjectContext } from '../context.js';
import { getCampaignByRef } from './campaign-queries.js';

/** POST /campaigns/{campaignId}/enable|disable: every voucher of the campaign obeys it at validation. */
export function setCampaignActive(ctx: ProjectContext, ref: string, active: boolean): Promise<void> {
  return ctx.store.transaction(async (store) => {
    const campaign = await getCampaignByRef(store, ref);
    await store.campaigns.update({ ...campaign, active, updated_at: ctx.clock.now().toISOString() });
    if (campaign.campaign_type === 'PROMOTION') await store.promotionIndex.raiseVersion();
  });
}
