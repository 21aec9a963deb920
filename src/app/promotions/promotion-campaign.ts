import type { Campaign, CampaignVoucherTemplate } from '../../domain/campaigns/campaign.js';
import { type AppError, invalidPayload, notFound } from '../../domain/errors.js';
import type { Project } from '../../domain/projects/project.js';
import type { CampaignCreateInput, ParsedTemplate } from '../campaigns/campaign-input.js';
import type { ProjectStore } from '../ports.js';
import { codeConfigFor } from '../vouchers/code-generation.js';

/**
 * What a PROMOTION campaign stores where other campaigns keep their voucher template: it holds no
 * vouchers, so nothing reads it, and the campaign row keeps one shape for every type.
 */
const NO_VOUCHERS_TEMPLATE: CampaignVoucherTemplate = {
  type: 'DISCOUNT_VOUCHER',
  discount: null,
  gift: null,
  loyalty_card: null,
  redemption: { quantity: null },
  code_config: {},
  is_referral_code: false,
  start_date: null,
  expiration_date: null,
  validity_timeframe: null,
  validity_day_of_week: null,
  validity_hours: null,
};

export function isPromotionCampaign(campaign: Pick<Campaign, 'campaign_type'>): boolean {
  return campaign.campaign_type === 'PROMOTION';
}

/** The 400 for anything that would put vouchers into a PROMOTION campaign. */
export function noVouchersInPromotion(campaign: Pick<Campaign, 'name'>): AppError {
  return invalidPayload(
    `Campaign ${campaign.name} is a PROMOTION campaign: it applies its promotion tiers and holds no vouchers`,
  );
}

/**
 * The create fields that go with the campaign type: `promotion` only on a PROMOTION campaign, which
 * in turn takes no voucher template and generates no codes.
 */
export function assertPromotionFields(input: CampaignCreateInput, isPromotion: boolean): void {
  if (!isPromotion) {
    if (input.promotion !== undefined && input.promotion !== null) {
      throw invalidPayload('Property .promotion is for PROMOTION campaigns only');
    }
    return;
  }
  if (input.voucher !== undefined && input.voucher !== null) {
    throw invalidPayload('Property .voucher is not allowed: a PROMOTION campaign holds no vouchers');
  }
  if ((input.vouchers_count ?? 0) > 0) {
    throw invalidPayload('Property .vouchers_count should be 0: a PROMOTION campaign holds no vouchers');
  }
}

/** The stored template of a PROMOTION campaign, with the code config the create path expects. */
export function promotionTemplate(project: Project): ParsedTemplate {
  return { template: NO_VOUCHERS_TEMPLATE, config: codeConfigFor(project, null) };
}

/** The live PROMOTION campaign with this id or name; 404 when none, 400 for another type. */
export async function getPromotionCampaign(store: ProjectStore, ref: string): Promise<Campaign> {
  const campaign = await store.campaigns.findByRef(ref);
  if (!campaign) throw notFound('campaign', ref);
  if (!isPromotionCampaign(campaign)) {
    throw invalidPayload(
      `Campaign ${campaign.name} is a ${campaign.campaign_type} campaign; promotion tiers and stacks belong to PROMOTION campaigns`,
    );
  }
  return campaign;
}

/**
 * Locks the campaign before a write to its tiers or stacks, so such writes and the campaign's
 * deletion take turns; the campaign is read again after the lock, as it is now.
 */
export async function lockPromotionCampaign(store: ProjectStore, campaignId: string): Promise<Campaign> {
  const locked = await store.promotionTiers.lockCampaign(campaignId);
  const campaign = locked ? await store.campaigns.findById(campaignId) : undefined;
  if (!campaign) throw notFound('campaign', campaignId);
  return campaign;
}
