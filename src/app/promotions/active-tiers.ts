import type { Campaign } from '../../domain/campaigns/campaign.js';
import type { PromotionTier } from '../../domain/promotions/promotion-tier.js';
import { type AssignedDefinition, scopeKeyOf } from '../../domain/rules/check-assigned-rules.js';
import type { ProjectStore } from '../ports.js';
import { loadSubjectRules, type RuleSubject } from '../redemptions/rule-subjects.js';

/**
 * Voucherify checks only the most recent promotion tiers ("only the first 150 most recent promotion
 * tiers are checked for eligibility"): one bounded query whatever the project holds.
 */
export const MAX_VALIDATED_TIERS = 150;

/** A tier that can be used now, with its live campaign and the compiled rules assigned to either. */
export interface ActiveTier {
  readonly tier: PromotionTier;
  readonly campaign: Campaign;
  readonly subject: RuleSubject;
  readonly definitions: readonly AssignedDefinition[];
}

/** The usable tiers' live PROMOTION campaigns, each read once. */
async function loadCampaigns(store: ProjectStore, tiers: readonly PromotionTier[]): Promise<Map<string, Campaign>> {
  const campaigns = new Map<string, Campaign>();
  for (const campaignId of new Set(tiers.map((tier) => tier.campaign_id))) {
    const campaign = await store.campaigns.findById(campaignId);
    if (campaign && campaign.campaign_type === 'PROMOTION') campaigns.set(campaignId, campaign);
  }
  return campaigns;
}

/**
 * Every tier usable at `now` (on, in its dates, in a live campaign that is on and in its dates),
 * newest first, with its campaign and rules: one query for the tiers, one lookup for their rules.
 */
export async function loadActiveTiers(store: ProjectStore, now: Date): Promise<ActiveTier[]> {
  const page = await store.promotionTiers.list(
    { limit: MAX_VALIDATED_TIERS, page: 1, order: { field: 'created_at', direction: 'desc' } },
    { available_at: now.toISOString() },
  );
  const campaigns = await loadCampaigns(store, page.items);
  const usable = page.items.filter((tier) => campaigns.has(tier.campaign_id));
  const subjects: RuleSubject[] = usable.map((tier) => ({
    scope: { type: 'promotion_tier', id: tier.id },
    campaignId: tier.campaign_id,
  }));
  const rulesBySubject = await loadSubjectRules(store, subjects);
  return usable.map((tier, index) => {
    const subject = subjects[index] as RuleSubject;
    return {
      tier,
      campaign: campaigns.get(tier.campaign_id) as Campaign,
      subject,
      definitions: rulesBySubject.get(scopeKeyOf(subject.scope)) ?? [],
    };
  });
}
