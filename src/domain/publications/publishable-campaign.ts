import type { Campaign } from '../campaigns/campaign.js';

/**
 * Why a campaign hands out no codes now, or null when it may. A switched-off or expired campaign
 * publishes nothing (its codes could not be used), and a PROMOTION campaign has no codes at all.
 */
export function campaignPublishRefusal(campaign: Campaign, now: Date): string | null {
  if (campaign.campaign_type === 'PROMOTION') return `Campaign ${campaign.name} is a promotion and has no codes`;
  if (!campaign.active) return `Campaign ${campaign.name} is disabled`;
  const expiration = campaign.expiration_date ?? campaign.voucher.expiration_date ?? null;
  if (expiration !== null && Date.parse(expiration) < now.getTime()) return `Campaign ${campaign.name} has expired`;
  return null;
}

/**
 * The expiration a campaign's code without one of its own inherits: the campaign's voucher
 * template's. A code is never published past it.
 */
export function inheritedExpiration(campaign: Campaign | null): string | null {
  return campaign?.voucher.expiration_date ?? null;
}
