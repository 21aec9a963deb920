import { Type } from 'typebox';
import { RELATED_OBJECT_TYPES, VALIDATION_RULE_TYPES } from '../../domain/rules/validation-rule.js';
import { Nullable, StringEnum, Timestamp } from './common.js';
import { PageQueryFields } from './list-query.js';

/** Where a rule is meant to be used, as Voucherify's spec lists them; Vouch stores and echoes it. */
const CONTEXT_TYPES = [
  'earning_rule.order.paid',
  'earning_rule.custom_event',
  'earning_rule.customer.segment.entered',
  'earning_rule.customer.tier.joined',
  'earning_rule.customer.tier.left',
  'earning_rule.customer.tier.upgraded',
  'earning_rule.customer.tier.downgraded',
  'earning_rule.customer.tier.prolonged',
  'campaign.discount_coupons',
  'campaign.discount_coupons.discount.apply_to_order',
  'campaign.discount_coupons.discount.apply_to_items',
  'campaign.discount_coupons.discount.apply_to_items_proportionally',
  'campaign.discount_coupons.discount.apply_to_items_proportionally_by_quantity',
  'campaign.discount_coupons.discount.apply_to_items_by_quantity',
  'campaign.discount_coupons.discount.fixed.apply_to_items',
  'campaign.discount_coupons.discount.percent.apply_to_items',
  'campaign.gift_vouchers',
  'campaign.gift_vouchers.gift.apply_to_order',
  'campaign.gift_vouchers.gift.apply_to_items',
  'campaign.referral_program',
  'campaign.referral_program.discount.apply_to_order',
  'campaign.referral_program.discount.apply_to_items',
  'campaign.referral_program.discount.apply_to_items_proportionally',
  'campaign.referral_program.discount.apply_to_items_proportionally_by_quantity',
  'campaign.referral_program.discount.apply_to_items_by_quantity',
  'campaign.referral_program.discount.fixed.apply_to_items',
  'campaign.referral_program.discount.percent.apply_to_items',
  'campaign.promotion',
  'campaign.promotion.discount.apply_to_order',
  'campaign.promotion.discount.apply_to_items',
  'campaign.promotion.discount.apply_to_items_proportionally',
  'campaign.promotion.discount.apply_to_items_proportionally_by_quantity',
  'campaign.promotion.discount.apply_to_items_by_quantity',
  'campaign.promotion.discount.fixed.apply_to_items',
  'campaign.promotion.discount.percent.apply_to_items',
  'campaign.loyalty_program',
  'voucher.discount_voucher',
  'voucher.discount_voucher.discount.apply_to_order',
  'voucher.discount_voucher.discount.apply_to_items',
  'voucher.discount_voucher.discount.apply_to_items_proportionally',
  'voucher.discount_voucher.discount.apply_to_items_proportionally_by_quantity',
  'voucher.discount_voucher.discount.apply_to_items_by_quantity',
  'voucher.discount_voucher.discount.fixed.apply_to_items',
  'voucher.discount_voucher.discount.percent.apply_to_items',
  'voucher.gift_voucher',
  'voucher.gift_voucher.gift.apply_to_order',
  'voucher.gift_voucher.gift.apply_to_items',
  'voucher.loyalty_card',
  'distribution.custom_event',
  'distribution.order.paid',
  'distribution.order.created',
  'distribution.order.canceled',
  'distribution.order.updated',
  'reward_assignment.pay_with_points',
  'global',
] as const;

const Name = Type.String({ minLength: 1, maxLength: 200 });
const ObjectId = Type.String({ minLength: 1, maxLength: 500 });
const FreeObject = Type.Record(Type.String(), Type.Unknown());
const RuleType = StringEnum(VALIDATION_RULE_TYPES, { description: 'Default expression' });
const ContextType = StringEnum(CONTEXT_TYPES, { description: 'Default global' });

/** Rules, error and applicable_to are checked by the domain parser, which names every problem. */
const DefinitionFields = {
  rules: Type.Optional(
    Nullable(
      Type.Record(Type.String(), Type.Unknown(), {
        description: 'Rules keyed "1", "2", … ({name, property?, conditions, rules?, error?}) and a "logic" text',
      }),
    ),
  ),
  error: Type.Optional(Nullable(FreeObject)),
  applicable_to: Type.Optional(Nullable(FreeObject)),
  type: Type.Optional(Nullable(RuleType)),
  context_type: Type.Optional(Nullable(ContextType)),
};

export const ValidationRuleCreateBody = Type.Object({ name: Name, ...DefinitionFields });

/** Absent or null fields stay; rules and applicable_to, when sent, replace the stored ones whole. */
export const ValidationRuleUpdateBody = Type.Object({ name: Type.Optional(Nullable(Name)), ...DefinitionFields });

const ApplicableToObject = Type.Object({
  included: Type.Array(FreeObject),
  excluded: Type.Array(FreeObject),
  included_all: Type.Boolean(),
});

export const ValidationRuleObject = Type.Object({
  id: Type.String(),
  name: Type.String(),
  rules: FreeObject,
  error: Type.Optional(Type.Object({ message: Type.String() })),
  applicable_to: ApplicableToObject,
  type: RuleType,
  context_type: Type.String(),
  created_at: Timestamp,
  updated_at: Type.Optional(Timestamp),
  assignments_count: Type.Integer(),
  object: Type.Literal('validation_rules'),
});

const RelatedObjectType = StringEnum(RELATED_OBJECT_TYPES);

/** The SDK 2.9 body names one object by its type; the spec's body says the type and the id. */
export const AssignmentCreateBody = Type.Object({
  voucher: Type.Optional(ObjectId),
  campaign: Type.Optional(ObjectId),
  promotion_tier: Type.Optional(ObjectId),
  related_object_type: Type.Optional(RelatedObjectType),
  related_object_id: Type.Optional(ObjectId),
});

export const AssignmentCreateQuery = Type.Object({
  force: Type.Optional(Type.Boolean({ description: 'Replace an identical assignment instead of refusing it' })),
});

export const AssignmentObject = Type.Object({
  id: Type.String(),
  rule_id: Type.String(),
  related_object_id: Type.String(),
  related_object_type: RelatedObjectType,
  created_at: Timestamp,
  object: Type.Literal('validation_rules_assignment'),
});

export const ValidationRuleListQuery = Type.Object(PageQueryFields);

export const AssignmentListQuery = Type.Object({
  limit: PageQueryFields.limit,
  page: PageQueryFields.page,
  order: PageQueryFields.order,
});

export const AllAssignmentsListQuery = Type.Object({
  ...AssignmentListQuery.properties,
  rule: Type.Optional(ObjectId),
  related_object_id: Type.Optional(ObjectId),
});
