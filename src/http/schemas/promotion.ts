import { Type } from 'typebox';
import { MAX_STACK_NAME } from '../../domain/promotions/parse-promotion-stack.js';
import { MAX_BANNER, MAX_HIERARCHY, MAX_TIER_NAME } from '../../domain/promotions/parse-promotion-tier.js';
import { HIERARCHY_MODES, MAX_TIERS_PER_STACK } from '../../domain/promotions/promotion-stack.js';
import { MAX_TIERS_PER_CAMPAIGN } from '../../domain/promotions/promotion-tier.js';
import { IdParam, Metadata, Nullable, StringEnum, Text, Timestamp } from './common.js';
import { PageQueryFields } from './list-query.js';
import { AssignmentsList, DiscountInput, ValidityFields } from './voucher.js';

const CampaignRef = Type.String({ minLength: 1, maxLength: 500, description: "The campaign's id or name" });

export const TierParams = IdParam('promotionTierId', "The promotion tier's id");
export const CampaignTierParams = Type.Object({ campaignId: CampaignRef });
export const StackParams = Type.Object({
  campaignId: CampaignRef,
  stackId: Type.String({ minLength: 1, maxLength: 500, description: "The promotion stack's id" }),
});

/** What a client may set on a tier, on its own or in a campaign's `promotion.tiers`. */
const TierFields = {
  name: Type.Optional(Nullable(Text(MAX_TIER_NAME))),
  banner: Type.Optional(Nullable(Text(MAX_BANNER))),
  action: Type.Optional(Nullable(Type.Object({ discount: Type.Optional(Nullable(DiscountInput)) }))),
  metadata: Type.Optional(Nullable(Metadata)),
  hierarchy: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: MAX_HIERARCHY }))),
  active: Type.Optional(Nullable(Type.Boolean())),
  ...ValidityFields,
  category: Type.Optional(Nullable(Text(200))),
  category_id: Type.Optional(Nullable(Text(200))),
  validation_rules: Type.Optional(Nullable(Type.Array(Text(200), { maxItems: 50 }))),
};

export const TierCreateBody = Type.Object(TierFields);

/** The SDK's `tiers.update` sends the tier's id in the body beside the changes. */
export const TierUpdateBody = Type.Object({ ...TierFields, id: Type.Optional(Nullable(Text(500))) });

/** `promotion` of a PROMOTION campaign's create body. */
export const CampaignPromotionInput = Type.Object({
  tiers: Type.Optional(Nullable(Type.Array(TierCreateBody, { maxItems: MAX_TIERS_PER_CAMPAIGN }))),
});

export const TierListQuery = Type.Object({
  ...PageQueryFields,
  is_available: Type.Optional(Type.Boolean({ description: 'Only tiers that can be used now' })),
});

export const StackListQuery = Type.Object(PageQueryFields);

const StackTiersInput = Type.Object({
  ids: Type.Optional(Nullable(Type.Array(Text(500), { maxItems: MAX_TIERS_PER_STACK }))),
  hierarchy_mode: Type.Optional(Nullable(StringEnum(HIERARCHY_MODES))),
});

export const StackBody = Type.Object({
  name: Type.Optional(Nullable(Text(MAX_STACK_NAME))),
  tiers: Type.Optional(Nullable(StackTiersInput)),
  category_id: Type.Optional(Nullable(Text(200))),
});

/** Voucherify's promotion tier object (documentation: answers are checked against the official spec in tests). */
export const PromotionTierObject = Type.Object(
  {
    id: Type.String(),
    created_at: Timestamp,
    updated_at: Type.Optional(Timestamp),
    name: Type.String(),
    banner: Nullable(Type.String()),
    action: Type.Object({ discount: Type.Unknown() }),
    metadata: Metadata,
    hierarchy: Type.Integer(),
    promotion_id: Type.String(),
    campaign: Type.Object({ id: Type.String(), active: Type.Boolean(), object: Type.Literal('campaign') }),
    campaign_id: Type.String(),
    active: Type.Boolean(),
    start_date: Nullable(Type.String()),
    expiration_date: Nullable(Type.String()),
    summary: Type.Object({
      redemptions: Type.Object({ total_redeemed: Type.Integer() }),
      orders: Type.Object({ total_amount: Type.Integer(), total_discount_amount: Type.Integer() }),
    }),
    object: Type.Literal('promotion_tier'),
    validation_rule_assignments: AssignmentsList,
    category_id: Nullable(Type.String()),
    categories: Type.Array(Type.Unknown()),
  },
  { $id: 'PromotionTier', additionalProperties: true },
);

export const PromotionTierList = Type.Object({
  object: Type.Literal('list'),
  data_ref: Type.Literal('tiers'),
  tiers: Type.Array(PromotionTierObject),
  total: Type.Integer(),
  has_more: Type.Boolean(),
});

export const PromotionStackObject = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    tiers: Type.Object({ ids: Type.Array(Type.String()), hierarchy_mode: StringEnum(HIERARCHY_MODES) }),
    created_at: Timestamp,
    updated_at: Nullable(Timestamp),
    campaign_id: Type.String(),
    object: Type.Literal('promotion_stack'),
    category_id: Nullable(Type.String()),
    categories: Type.Array(Type.Unknown()),
  },
  { $id: 'PromotionStack' },
);
