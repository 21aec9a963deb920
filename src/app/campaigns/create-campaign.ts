import type { Campaign } from '../../domain/campaigns/campaign.js';
import { assertKeyspaceFits } from '../../domain/codes/keyspace.js';
import { AppError, invalidPayload } from '../../domain/errors.js';
import type { ProjectContext } from '../context.js';
import { checkMetadata } from '../metadata-schemas/check-metadata.js';
import { insertTiers, parseNewTiers } from '../promotions/create-promotion-tier.js';
import { assertPromotionFields, promotionTemplate } from '../promotions/promotion-campaign.js';
import { readReferralInput } from '../referrals/read-referral-input.js';
import { resolveReferralProgram } from '../referrals/referral-program-input.js';
import { assignRules, readRuleIds } from '../validation-rules/object-rule-assignments.js';
import type { CampaignView } from '../views/campaign-view.js';
import { resolveCategoryId } from '../vouchers/voucher-fields.js';
import {
  assertMergedCampaignValidity,
  assertSupportedCampaignType,
  type CampaignCreateInput,
  readActivityDuration,
  readFullValidity,
  readTemplate,
} from './campaign-input.js';
import { viewCampaign } from './campaign-queries.js';
import { enqueueGeneration, generateVouchers, SYNC_GENERATION_LIMIT } from './generate-vouchers.js';

function duplicateName(name: string): AppError {
  return new AppError('duplicate_found', { details: `A campaign named ${name} already exists` });
}

/**
 * POST /campaigns: a DISCOUNT_COUPONS campaign and its codes. A code config whose keyspace is too
 * small is refused before anything is written; up to SYNC_GENERATION_LIMIT codes are made in this
 * request (the answer shows them DONE), more by a CAMPAIGN.VOUCHERS_GENERATE action (the answer
 * shows IN_PROGRESS until it is done). A PROMOTION campaign holds no codes: its `promotion.tiers`
 * are created with it, in its transaction.
 */
export async function createCampaign(ctx: ProjectContext, input: CampaignCreateInput): Promise<CampaignView> {
  const campaignType = input.campaign_type ?? 'DISCOUNT_COUPONS';
  assertSupportedCampaignType(campaignType);
  const isPromotion = campaignType === 'PROMOTION';
  assertPromotionFields(input, isPromotion);
  const tierInputs = input.promotion?.tiers ?? [];
  const tierPath = (index: number) => `.promotion.tiers[${index}]`;
  parseNewTiers(tierInputs, tierPath);
  const kind = input.type ?? (isPromotion ? 'STATIC' : 'AUTO_UPDATE');
  const count = input.vouchers_count ?? 0;
  if (kind === 'STANDALONE' && count > 1) {
    throw invalidPayload('Property .vouchers_count should be at most 1 in a STANDALONE campaign');
  }
  const { template, config } = isPromotion
    ? promotionTemplate(ctx.project)
    : readTemplate(ctx.project, input.voucher, campaignType);
  const validity = readFullValidity(input, '');
  assertMergedCampaignValidity(validity, template);
  assertKeyspaceFits(config, count, 0, ctx.project.settings.case_sensitive_codes);
  const activityDuration = readActivityDuration(input.activity_duration_after_publishing);
  const referral = readReferralInput(campaignType, input.referral_program);

  const view = await ctx.store.transaction(async (store) => {
    const categoryId = await resolveCategoryId(store, input);
    const ruleIds = await readRuleIds(store, input.validation_rules);
    const campaign: Campaign = {
      id: ctx.ids.newId('camp_'),
      name: input.name,
      description: input.description ?? null,
      campaign_type: campaignType,
      type: kind,
      voucher: template,
      auto_join: input.auto_join ?? false,
      join_once: input.join_once ?? false,
      use_voucher_metadata_schema: input.use_voucher_metadata_schema ?? false,
      activity_duration_after_publishing: activityDuration,
      active: input.active ?? true,
      metadata: input.metadata ?? {},
      category_id: categoryId ?? null,
      vouchers_count: 0,
      vouchers_generation_status: 'DONE',
      protected: false,
      created_at: ctx.clock.now().toISOString(),
      updated_at: null,
      ...validity,
    };
    if (referral) campaign.referral_program = await resolveReferralProgram(store, referral);
    await checkMetadata(store, campaign.use_voucher_metadata_schema ? 'voucher' : 'campaign', campaign.metadata);
    if (!(await store.campaigns.insert(campaign))) throw duplicateName(campaign.name);
    await assignRules(ctx, store, { type: 'campaign', id: campaign.id }, ruleIds);
    if (isPromotion) await insertTiers(ctx, store, campaign, tierInputs, tierPath);
    const inStore = { ...ctx, store };
    if (count > SYNC_GENERATION_LIMIT) {
      await enqueueGeneration(inStore, store, { campaign_id: campaign.id, baseline: 0, count });
    } else if (count > 0) {
      await generateVouchers(inStore, campaign, count, { config });
    }
    if (isPromotion) await store.promotionIndex.raiseVersion();
    const stored = await store.campaigns.findById(campaign.id);
    return viewCampaign(store, stored ?? campaign);
  });
  ctx.work.wake();
  return view;
}
