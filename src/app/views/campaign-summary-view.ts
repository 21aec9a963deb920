import type { CampaignSummary } from '../redemptions/campaign-summary.js';

/** Voucherify's campaign_summary, with the figures Vouch keeps: codes, redemptions, discount given. */
export function toCampaignSummaryObject({ campaign, redemptions: r }: CampaignSummary) {
  return {
    campaign: {
      id: campaign.id,
      name: campaign.name,
      description: campaign.description,
      campaign_type: campaign.campaign_type,
      type: campaign.type,
    },
    redemptions: r.redemptions_succeeded + r.redemptions_failed,
    redemptions_succeeded: r.redemptions_succeeded,
    redemptions_failed: r.redemptions_failed,
    rollbacks: r.rollbacks_succeeded,
    rollbacks_succeeded: r.rollbacks_succeeded,
    rollbacks_failed: 0,
    vouchers_created: campaign.vouchers_count,
    discounted_amount: r.discounted_amount,
    rolledback_discounted_amount: r.rolledback_discounted_amount,
    object: 'campaign_summary' as const,
  };
}
