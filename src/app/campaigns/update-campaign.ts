import type { Campaign, CampaignKind, CampaignVoucherTemplate } from '../../domain/campaigns/campaign.js';
import { parseDiscount } from '../../domain/discounts/parse-discount.js';
import { invalidPayload } from '../../domain/errors.js';
import type { Metadata } from '../../domain/metadata.js';
import { parseValidityRules } from '../../domain/vouchers/parse-validity-rules.js';
import type { ProjectContext } from '../context.js';
import { checkMetadata } from '../metadata-schemas/check-metadata.js';
import type { ProjectStore } from '../ports.js';
import { isPromotionCampaign, noVouchersInPromotion } from '../promotions/promotion-campaign.js';
import { readReferralInput } from '../referrals/read-referral-input.js';
import { resolveReferralProgram } from '../referrals/referral-program-input.js';
import type { CampaignView } from '../views/campaign-view.js';
import { resolveCategoryId } from '../vouchers/voucher-fields.js';
import { assertMergedCampaignValidity, readActivityDuration, type ValidityInput } from './campaign-input.js';
import { getCampaignByRef, viewCampaign } from './campaign-queries.js';

/** What of the voucher template an update may change; the campaign's vouchers follow at once. */
export interface TemplateUpdateInput extends ValidityInput {
  discount?: unknown;
  redemption?: { quantity?: number | null } | null;
}

export interface CampaignUpdateInput extends ValidityInput {
  description?: string | null;
  category?: string | null;
  category_id?: string | null;
  metadata?: Metadata | null;
  unset_metadata_fields?: string[] | null;
  activity_duration_after_publishing?: string | null;
  join_once?: boolean | null;
  auto_join?: boolean | null;
  type?: CampaignKind | null;
  active?: boolean | null;
  /** Voucherify's spec sends a DISCOUNT_COUPONS campaign's new discount at the top level. */
  discount?: unknown;
  voucher?: TemplateUpdateInput | null;
  /** A REFERRAL_PROGRAM campaign's new program, replacing the old one whole. */
  referral_program?: unknown;
}

function updateTemplate(template: CampaignVoucherTemplate, input: CampaignUpdateInput): CampaignVoucherTemplate {
  const next: CampaignVoucherTemplate = { ...template };
  const discount = input.voucher?.discount ?? input.discount;
  const path = input.voucher?.discount !== undefined ? '.voucher.discount' : '.discount';
  if (discount !== undefined && discount !== null) next.discount = parseDiscount(discount, path);
  if (input.voucher?.redemption !== undefined) {
    next.redemption = { quantity: input.voucher.redemption?.quantity ?? null };
  }
  if (input.voucher) Object.assign(next, parseValidityRules(input.voucher as Record<string, unknown>, '.voucher'));
  return next;
}

function updatedMetadata(current: Metadata, input: CampaignUpdateInput): Metadata {
  const metadata = { ...(input.metadata === undefined ? current : (input.metadata ?? {})) };
  for (const key of input.unset_metadata_fields ?? []) delete metadata[key];
  return metadata;
}

function updatedKind(current: CampaignKind, wanted: CampaignKind | null | undefined): CampaignKind {
  if (!wanted || wanted === current) return current;
  if (wanted === 'STANDALONE' || current === 'STANDALONE') {
    throw invalidPayload(`Property .type cannot change from ${current} to ${wanted}`);
  }
  return wanted;
}

async function applyUpdate(
  store: ProjectStore,
  campaign: Campaign,
  input: CampaignUpdateInput,
  now: string,
): Promise<Campaign> {
  if (isPromotionCampaign(campaign) && (input.voucher || input.discount)) throw noVouchersInPromotion(campaign);
  const categoryId = await resolveCategoryId(store, input);
  const next: Campaign = {
    ...campaign,
    ...parseValidityRules(input as Record<string, unknown>, ''),
    voucher: updateTemplate(campaign.voucher, input),
    type: updatedKind(campaign.type, input.type),
    metadata: updatedMetadata(campaign.metadata, input),
    updated_at: now,
  };
  if (categoryId !== undefined) next.category_id = categoryId;
  if (input.description !== undefined) next.description = input.description;
  if (input.join_once !== undefined && input.join_once !== null) next.join_once = input.join_once;
  if (input.auto_join !== undefined && input.auto_join !== null) next.auto_join = input.auto_join;
  if (input.active !== undefined && input.active !== null) next.active = input.active;
  if (input.activity_duration_after_publishing !== undefined) {
    next.activity_duration_after_publishing = readActivityDuration(input.activity_duration_after_publishing);
  }
  if (input.referral_program !== undefined) {
    const referral = readReferralInput(campaign.campaign_type, input.referral_program);
    if (referral) next.referral_program = await resolveReferralProgram(store, referral);
  }
  assertMergedCampaignValidity(next, next.voucher);
  return next;
}

/**
 * PUT /campaigns/{campaignId}: sets the given fields. The vouchers store only what differs from
 * the template, so a new discount, limit or validity reaches every code of the campaign at once.
 */
export function updateCampaign(ctx: ProjectContext, ref: string, input: CampaignUpdateInput): Promise<CampaignView> {
  return ctx.store.transaction(async (store) => {
    const campaign = await getCampaignByRef(store, ref);
    const updated = await applyUpdate(store, campaign, input, ctx.clock.now().toISOString());
    if (input.metadata !== undefined || input.unset_metadata_fields) {
      await checkMetadata(store, updated.use_voucher_metadata_schema ? 'voucher' : 'campaign', updated.metadata);
    }
    await store.campaigns.update(updated);
    if (updated.campaign_type === 'PROMOTION') await store.promotionIndex.raiseVersion();
    return viewCampaign(store, updated);
  });
}
