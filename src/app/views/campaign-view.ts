import type { Campaign, CampaignVoucherTemplate, CodeConfig } from '../../domain/campaigns/campaign.js';
import type { Category } from '../../domain/categories/category.js';
import type { ValidationRuleAssignment } from '../../domain/rules/validation-rule.js';
import type { ValidityRules } from '../../domain/vouchers/validity.js';
import { toCategoryObject } from './category-view.js';
import { type PromotionTierView, toPromotionTierList } from './promotion-tier-view.js';
import { toReferralProgramObject } from './referral-view.js';
import { toAssignmentsList } from './voucher-view.js';

/** A campaign with its category, which its answer names, and the validation rules assigned to it. */
export interface CampaignView {
  campaign: Campaign;
  category: Category | null;
  assignments: readonly ValidationRuleAssignment[];
  /** A PROMOTION campaign's tiers, which its answer lists. */
  tiers?: readonly PromotionTierView[];
}

/** Only the parts set: the spec declares the validity objects non-nullable, so unset ones are left out. */
function validityFields(rules: Partial<ValidityRules>) {
  return {
    ...(rules.start_date ? { start_date: rules.start_date } : {}),
    ...(rules.expiration_date ? { expiration_date: rules.expiration_date } : {}),
    ...(rules.validity_timeframe ? { validity_timeframe: rules.validity_timeframe } : {}),
    ...(rules.validity_day_of_week ? { validity_day_of_week: rules.validity_day_of_week } : {}),
    ...(rules.validity_hours ? { validity_hours: rules.validity_hours } : {}),
  };
}

function toCodeConfigObject(config: CodeConfig) {
  return Object.fromEntries(
    (['length', 'charset', 'prefix', 'postfix', 'pattern'] as const)
      .filter((key) => config[key] !== undefined && config[key] !== null)
      .map((key) => [key, config[key]]),
  );
}

function toTemplateObject(template: CampaignVoucherTemplate) {
  return {
    type: template.type,
    ...(template.type === 'DISCOUNT_VOUCHER' ? { discount: template.discount } : {}),
    ...(template.type === 'GIFT_VOUCHER' ? { gift: template.gift } : {}),
    ...(template.type === 'LOYALTY_CARD' ? { loyalty_card: template.loyalty_card } : {}),
    redemption: { quantity: template.redemption.quantity },
    code_config: toCodeConfigObject(template.code_config),
    is_referral_code: template.is_referral_code,
    ...validityFields(template),
  };
}

/**
 * Voucherify's campaign object. `categories` is filled where Voucherify fills it (a single
 * campaign; lists only with expand=category).
 */
export function toCampaignObject(
  { campaign, category, assignments, tiers }: CampaignView,
  options: { categories: boolean },
) {
  const isPromotion = campaign.campaign_type === 'PROMOTION';
  return {
    id: campaign.id,
    name: campaign.name,
    description: campaign.description,
    campaign_type: campaign.campaign_type,
    type: campaign.type,
    // A PROMOTION campaign holds no vouchers: it shows its tiers instead of a voucher template.
    ...(isPromotion ? {} : { voucher: toTemplateObject(campaign.voucher) }),
    auto_join: campaign.auto_join,
    join_once: campaign.join_once,
    use_voucher_metadata_schema: campaign.use_voucher_metadata_schema,
    ...(campaign.validity_timeframe ? { validity_timeframe: campaign.validity_timeframe } : {}),
    ...(campaign.validity_day_of_week ? { validity_day_of_week: campaign.validity_day_of_week } : {}),
    ...(campaign.validity_hours ? { validity_hours: campaign.validity_hours } : {}),
    activity_duration_after_publishing: campaign.activity_duration_after_publishing,
    vouchers_count: campaign.vouchers_count,
    start_date: campaign.start_date,
    expiration_date: campaign.expiration_date,
    active: campaign.active,
    metadata: campaign.metadata,
    created_at: campaign.created_at,
    updated_at: campaign.updated_at,
    category: category?.name ?? null,
    creation_status: campaign.vouchers_generation_status,
    vouchers_generation_status: campaign.vouchers_generation_status,
    protected: campaign.protected,
    category_id: campaign.category_id,
    categories: options.categories && category ? [toCategoryObject(category)] : [],
    object: 'campaign' as const,
    validation_rules_assignments: toAssignmentsList(assignments),
    ...(isPromotion ? { promotion: toPromotionTierList(tiers ?? []) } : {}),
    ...(campaign.referral_program ? { referral_program: toReferralProgramObject(campaign.referral_program) } : {}),
  };
}

export type CampaignObject = ReturnType<typeof toCampaignObject>;
