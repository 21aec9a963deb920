import { Duration } from 'luxon';
import type {
  CampaignKind,
  CampaignType,
  CampaignVoucherTemplate,
  CodeConfig,
} from '../../domain/campaigns/campaign.js';
import type { NormalizedCodeConfig } from '../../domain/codes/code-config.js';
import { parseDiscount } from '../../domain/discounts/parse-discount.js';
import { AppError, invalidPayload } from '../../domain/errors.js';
import { parseGift } from '../../domain/gift-cards/gift-card.js';
import type { Metadata } from '../../domain/metadata.js';
import type { Project } from '../../domain/projects/project.js';
import { assertMergedValidity, parseValidityRules } from '../../domain/vouchers/parse-validity-rules.js';
import type { ValidityRules } from '../../domain/vouchers/validity.js';
import type { VoucherType } from '../../domain/vouchers/voucher.js';
import type { PromotionTierInput } from '../promotions/create-promotion-tier.js';
import { codeConfigFor, storedCodeConfig } from '../vouchers/code-generation.js';
import { assertSupportedVoucherType } from '../vouchers/voucher-fields.js';

/** The validity fields a campaign and its voucher template share. */
export interface ValidityInput {
  start_date?: string | null;
  expiration_date?: string | null;
  validity_timeframe?: unknown;
  validity_day_of_week?: unknown;
  validity_hours?: unknown;
}

export interface CampaignTemplateInput extends ValidityInput {
  type?: VoucherType | null;
  discount?: unknown;
  gift?: unknown;
  redemption?: { quantity?: number | null } | null;
  code_config?: CodeConfig | null;
  is_referral_code?: boolean | null;
}

export interface CampaignCreateInput extends ValidityInput {
  name: string;
  description?: string | null;
  campaign_type?: CampaignType | null;
  type?: CampaignKind | null;
  voucher?: CampaignTemplateInput | null;
  join_once?: boolean | null;
  auto_join?: boolean | null;
  use_voucher_metadata_schema?: boolean | null;
  vouchers_count?: number | null;
  activity_duration_after_publishing?: string | null;
  category?: string | null;
  category_id?: string | null;
  metadata?: Metadata | null;
  active?: boolean | null;
  validation_rules?: string[] | null;
  /** A PROMOTION campaign's tiers, created with it. */
  promotion?: { tiers?: PromotionTierInput[] | null } | null;
  /** A REFERRAL_PROGRAM campaign's program (src/domain/referrals/referral-program.ts). */
  referral_program?: unknown;
}

const NO_VALIDITY: ValidityRules = {
  start_date: null,
  expiration_date: null,
  validity_timeframe: null,
  validity_day_of_week: null,
  validity_hours: null,
};

/** Every campaign type but LOYALTY_PROGRAM for now; loyalty comes with its issue. */
export function assertSupportedCampaignType(type: CampaignType): void {
  if (type === 'LOYALTY_PROGRAM') {
    throw new AppError('missing_required_feature', {
      details: `${type} campaigns are not supported yet; only DISCOUNT_COUPONS, GIFT_VOUCHERS, PROMOTION and REFERRAL_PROGRAM for now`,
    });
  }
}

/** The voucher type a campaign of this type holds. */
export function voucherTypeOf(campaignType: CampaignType): VoucherType {
  return campaignType === 'GIFT_VOUCHERS' ? 'GIFT_VOUCHER' : 'DISCOUNT_VOUCHER';
}

/** Validity rules as sent, every part present (null when not sent). */
export function readFullValidity(input: ValidityInput, prefix: string): ValidityRules {
  return { ...NO_VALIDITY, ...parseValidityRules(input as Record<string, unknown>, prefix) };
}

/** An ISO-8601 duration such as P24D, or null. */
export function readActivityDuration(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const duration = Duration.fromISO(value);
  if (!duration.isValid || !(duration.as('milliseconds') > 0)) {
    throw invalidPayload('Property .activity_duration_after_publishing should be an ISO 8601 duration such as P24D');
  }
  return value;
}

export interface ParsedTemplate {
  template: CampaignVoucherTemplate;
  config: NormalizedCodeConfig;
}

/** The voucher template of a new campaign, checked; its code config ready to generate from. */
export function readTemplate(
  project: Project,
  input: CampaignTemplateInput | null | undefined,
  campaignType: CampaignType = 'DISCOUNT_COUPONS',
): ParsedTemplate {
  if (!input) throw invalidPayload("Property . should have required property 'voucher'");
  const expected = voucherTypeOf(campaignType);
  const type = input.type ?? expected;
  assertSupportedVoucherType(type);
  if (type !== expected) {
    throw invalidPayload(`Property .voucher.type should be ${expected} in a ${campaignType} campaign`);
  }
  const isGift = type === 'GIFT_VOUCHER';
  const field = isGift ? 'gift' : 'discount';
  if (input[field] === undefined || input[field] === null) {
    throw invalidPayload(`Property .voucher should have required property '${field}'`);
  }
  const config = codeConfigFor(project, input.code_config, '.voucher.code_config');
  const template: CampaignVoucherTemplate = {
    type,
    discount: isGift ? null : parseDiscount(input.discount, '.voucher.discount'),
    gift: isGift ? parseGift(input.gift, '.voucher.gift') : null,
    loyalty_card: null,
    redemption: { quantity: input.redemption?.quantity ?? null },
    code_config: storedCodeConfig(input.code_config, config),
    // A referral program's codes are referral codes, whatever the request says.
    is_referral_code: campaignType === 'REFERRAL_PROGRAM' || (input.is_referral_code ?? false),
    ...readFullValidity(input, '.voucher'),
  };
  return { template, config };
}

/**
 * The campaign's validity and its codes' (the template's own dates, else the campaign's) after a
 * change: dates in order, a timeframe counted from a start date.
 */
export function assertMergedCampaignValidity(campaign: ValidityRules, template: Partial<ValidityRules>): void {
  assertMergedValidity(campaign, '');
  assertMergedValidity(
    {
      start_date: template.start_date ?? campaign.start_date,
      expiration_date: template.expiration_date ?? campaign.expiration_date,
      validity_timeframe: template.validity_timeframe ?? null,
    },
    '.voucher',
  );
}
