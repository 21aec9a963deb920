import { Type } from 'typebox';
import { MAX_CATEGORIES_PER_LIST } from '../../domain/stacking/parse-stacking-rules.js';
import {
  APPLICATION_MODES,
  DISCOUNT_CALCULATION_MODES,
  GROUPED_SORTING_RULES,
  NO_EFFECT_RULES,
  PRODUCTS_APPLICATION_MODES,
  ROLLBACK_ORDER_MODES,
  SORTING_RULES,
  STACKING_LIMITS,
} from '../../domain/stacking/stacking-rules.js';
import { Nullable, StringEnum, Timestamp } from './common.js';

const CategoryId = Type.String({ minLength: 1, maxLength: 200 });
const CategoryIds = Type.Array(CategoryId, { maxItems: MAX_CATEGORIES_PER_LIST, description: 'Category ids' });
const Limit = (maximum: number, description: string) => Type.Integer({ minimum: 1, maximum, description });
const CategoryLimits = Type.Record(CategoryId, Limit(STACKING_LIMITS.categoryLimit, 'Limit of the category'), {
  maxProperties: MAX_CATEGORIES_PER_LIST,
  description: 'Limits of applicable redeemables by category id',
});

/** Every field of the rules, as the spec's ManagementProjectsStackingRulesBase names them. */
const RuleFields = {
  exclusive_categories: CategoryIds,
  joint_categories: CategoryIds,
  redeemables_limit: Limit(STACKING_LIMITS.redeemables, 'How many redeemables one request may send; default 30'),
  applicable_redeemables_limit: Limit(STACKING_LIMITS.applicableRedeemables, 'How many may apply; default 5'),
  applicable_redeemables_per_category_limit: Limit(
    STACKING_LIMITS.applicablePerCategory,
    'How many of one category may apply',
  ),
  applicable_redeemables_category_limits: CategoryLimits,
  applicable_exclusive_redeemables_limit: Limit(
    STACKING_LIMITS.applicableExclusive,
    'How many of exclusive categories may apply; default 1',
  ),
  applicable_exclusive_redeemables_per_category_limit: Limit(
    STACKING_LIMITS.applicableExclusivePerCategory,
    'How many of one exclusive category may apply',
  ),
  discount_calculation_mode: StringEnum(DISCOUNT_CALCULATION_MODES),
  initial_amount_mode_categories: CategoryIds,
  discounted_amount_mode_categories: CategoryIds,
  redeemables_application_mode: StringEnum(APPLICATION_MODES),
  redeemables_sorting_rule: StringEnum(SORTING_RULES),
  redeemables_no_effect_rule: StringEnum(NO_EFFECT_RULES),
  no_effect_skip_categories: CategoryIds,
  no_effect_redeem_anyway_categories: CategoryIds,
  redeemables_products_application_mode: StringEnum(PRODUCTS_APPLICATION_MODES),
  redeemables_rollback_order_mode: StringEnum(ROLLBACK_ORDER_MODES),
  grouped_redeemables_sorting_rule: StringEnum(GROUPED_SORTING_RULES),
};

type RuleFieldName = keyof typeof RuleFields;

function optionalNullable<K extends RuleFieldName>(name: K) {
  return Type.Optional(Nullable(RuleFields[name]));
}

/**
 * The body of a create or an update: every field optional; null puts Voucherify's default back.
 * Whether the limits fit together and the categories exist is checked by the use case.
 */
export const StackingRulesBody = Type.Object({
  exclusive_categories: optionalNullable('exclusive_categories'),
  joint_categories: optionalNullable('joint_categories'),
  redeemables_limit: optionalNullable('redeemables_limit'),
  applicable_redeemables_limit: optionalNullable('applicable_redeemables_limit'),
  applicable_redeemables_per_category_limit: optionalNullable('applicable_redeemables_per_category_limit'),
  applicable_redeemables_category_limits: optionalNullable('applicable_redeemables_category_limits'),
  applicable_exclusive_redeemables_limit: optionalNullable('applicable_exclusive_redeemables_limit'),
  applicable_exclusive_redeemables_per_category_limit: optionalNullable(
    'applicable_exclusive_redeemables_per_category_limit',
  ),
  discount_calculation_mode: optionalNullable('discount_calculation_mode'),
  initial_amount_mode_categories: optionalNullable('initial_amount_mode_categories'),
  discounted_amount_mode_categories: optionalNullable('discounted_amount_mode_categories'),
  redeemables_application_mode: optionalNullable('redeemables_application_mode'),
  redeemables_sorting_rule: optionalNullable('redeemables_sorting_rule'),
  redeemables_no_effect_rule: optionalNullable('redeemables_no_effect_rule'),
  no_effect_skip_categories: optionalNullable('no_effect_skip_categories'),
  no_effect_redeem_anyway_categories: optionalNullable('no_effect_redeem_anyway_categories'),
  redeemables_products_application_mode: optionalNullable('redeemables_products_application_mode'),
  redeemables_rollback_order_mode: optionalNullable('redeemables_rollback_order_mode'),
  grouped_redeemables_sorting_rule: optionalNullable('grouped_redeemables_sorting_rule'),
});

/** The stacking rules object; the defaults come without id and timestamps. */
export const StackingRulesObject = Type.Object({
  id: Type.Optional(Type.String()),
  ...RuleFields,
  applicable_redeemables_per_category_limit: Nullable(RuleFields.applicable_redeemables_per_category_limit),
  applicable_exclusive_redeemables_per_category_limit: Nullable(
    RuleFields.applicable_exclusive_redeemables_per_category_limit,
  ),
  created_at: Type.Optional(Timestamp),
  updated_at: Type.Optional(Timestamp),
});
