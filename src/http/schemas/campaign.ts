import { Type } from 'typebox';
import { CAMPAIGN_KINDS, CAMPAIGN_TYPES } from '../../domain/campaigns/campaign.js';
import { VOUCHER_TYPES } from '../../domain/vouchers/voucher.js';
import { Metadata, Nullable, StringEnum, Text, Timestamp } from './common.js';
import { CampaignPromotionInput, PromotionTierList } from './promotion.js';
import { ReferralProgramInput } from './referral.js';
import {
  AssignmentsList,
  CodeConfigInput,
  DiscountInput,
  MAX_ROWS,
  RedemptionInput,
  ValidityFields,
} from './voucher.js';

/** The most codes one request may ask for: the benchmark's million. */
export const MAX_GENERATED_CODES = 1_000_000;

const GENERATION_STATUSES = ['DONE', 'IN_PROGRESS', 'FAILED', 'DRAFT', 'MODIFYING'] as const;

export const CampaignParams = Type.Object({
  campaignId: Type.String({ minLength: 1, maxLength: 500, description: "The campaign's id or name" }),
});

const TemplateInput = Type.Object({
  type: Type.Optional(Nullable(StringEnum(VOUCHER_TYPES))),
  discount: Type.Optional(Nullable(DiscountInput)),
  gift: Type.Optional(Nullable(Type.Object({}))),
  loyalty_card: Type.Optional(Nullable(Type.Object({}))),
  redemption: Type.Optional(Nullable(RedemptionInput)),
  code_config: Type.Optional(Nullable(CodeConfigInput)),
  is_referral_code: Type.Optional(Nullable(Type.Boolean())),
  ...ValidityFields,
});

const CategoryFields = {
  category: Type.Optional(Nullable(Text(200))),
  category_id: Type.Optional(Nullable(Text(200))),
};

export const CampaignCreateBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 500 }),
  description: Type.Optional(Nullable(Text(5000))),
  campaign_type: Type.Optional(Nullable(StringEnum(CAMPAIGN_TYPES))),
  type: Type.Optional(Nullable(StringEnum(CAMPAIGN_KINDS))),
  voucher: Type.Optional(Nullable(TemplateInput)),
  join_once: Type.Optional(Nullable(Type.Boolean())),
  auto_join: Type.Optional(Nullable(Type.Boolean())),
  use_voucher_metadata_schema: Type.Optional(Nullable(Type.Boolean())),
  vouchers_count: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: MAX_GENERATED_CODES }))),
  ...ValidityFields,
  activity_duration_after_publishing: Type.Optional(Nullable(Text(64))),
  ...CategoryFields,
  metadata: Type.Optional(Nullable(Metadata)),
  active: Type.Optional(Nullable(Type.Boolean())),
  validation_rules: Type.Optional(Nullable(Type.Array(Text(200), { maxItems: 50 }))),
  promotion: Type.Optional(Nullable(CampaignPromotionInput)),
  referral_program: Type.Optional(Nullable(ReferralProgramInput)),
});

export const CampaignUpdateBody = Type.Object({
  description: Type.Optional(Nullable(Text(5000))),
  ...ValidityFields,
  ...CategoryFields,
  metadata: Type.Optional(Nullable(Metadata)),
  unset_metadata_fields: Type.Optional(Nullable(Type.Array(Text(200), { maxItems: 100 }))),
  activity_duration_after_publishing: Type.Optional(Nullable(Text(64))),
  join_once: Type.Optional(Nullable(Type.Boolean())),
  auto_join: Type.Optional(Nullable(Type.Boolean())),
  type: Type.Optional(Nullable(StringEnum(CAMPAIGN_KINDS))),
  active: Type.Optional(Nullable(Type.Boolean())),
  discount: Type.Optional(Nullable(DiscountInput)),
  referral_program: Type.Optional(Nullable(ReferralProgramInput)),
  voucher: Type.Optional(
    Nullable(
      Type.Object({
        discount: Type.Optional(Nullable(DiscountInput)),
        redemption: Type.Optional(Nullable(RedemptionInput)),
        ...ValidityFields,
      }),
    ),
  ),
});

/** What a voucher added to a campaign may set itself. */
const CampaignVoucherFields = {
  ...CategoryFields,
  metadata: Type.Optional(Nullable(Metadata)),
  redemption: Type.Optional(Nullable(RedemptionInput)),
  additional_info: Type.Optional(Nullable(Text(1000))),
  start_date: ValidityFields.start_date,
  expiration_date: ValidityFields.expiration_date,
  active: Type.Optional(Nullable(Type.Boolean())),
};

export const CampaignVoucherBody = Type.Object({
  ...CampaignVoucherFields,
  code: Type.Optional(Nullable(Text(500))),
  code_config: Type.Optional(Nullable(CodeConfigInput)),
});

export const CampaignCertainVoucherBody = Type.Object(CampaignVoucherFields);

export const AddVouchersQuery = Type.Object({
  vouchers_count: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_GENERATED_CODES })),
});

export const CampaignImportBody = Type.Array(Type.Object({ ...CampaignVoucherFields, code: Text(500) }), {
  minItems: 1,
  maxItems: MAX_ROWS,
});

export const CampaignListFields = {
  campaign_type: Type.Optional(StringEnum(CAMPAIGN_TYPES)),
  campaign_status: Type.Optional(StringEnum(GENERATION_STATUSES)),
  expand: Type.Optional(StringEnum(['category'] as const)),
};

/** Voucherify's campaign object (documentation: answers are checked against the official spec in tests). */
export const CampaignObject = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    description: Nullable(Type.String()),
    campaign_type: StringEnum(CAMPAIGN_TYPES),
    type: StringEnum(CAMPAIGN_KINDS),
    voucher: Type.Optional(Type.Unknown()),
    auto_join: Type.Boolean(),
    join_once: Type.Boolean(),
    use_voucher_metadata_schema: Type.Boolean(),
    activity_duration_after_publishing: Nullable(Type.String()),
    vouchers_count: Type.Integer(),
    start_date: Nullable(Type.String()),
    expiration_date: Nullable(Type.String()),
    active: Type.Boolean(),
    metadata: Metadata,
    created_at: Timestamp,
    updated_at: Nullable(Timestamp),
    category: Nullable(Type.String()),
    category_id: Nullable(Type.String()),
    categories: Type.Array(Type.Unknown()),
    creation_status: StringEnum(GENERATION_STATUSES),
    vouchers_generation_status: StringEnum(GENERATION_STATUSES),
    protected: Type.Boolean(),
    object: Type.Literal('campaign'),
    validation_rules_assignments: AssignmentsList,
    promotion: Type.Optional(PromotionTierList),
  },
  { $id: 'Campaign', additionalProperties: true },
);
