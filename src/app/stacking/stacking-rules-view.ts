import type { StackingRules, StoredStackingRules } from '../../domain/stacking/stacking-rules.js';

/**
 * The management API's stacking rules object, fields in the spec's order. The defaults have no
 * id and no timestamps (spec: "The default stacking rules do not have an ID"), so those keys are
 * left out; `updated_at` appears once the rules have been updated. An unset optional limit is null.
 */
export function toStackingRulesObject(stored: StoredStackingRules | undefined, rules: StackingRules) {
  return {
    ...(stored ? { id: stored.id } : {}),
    exclusive_categories: rules.exclusive_categories,
    joint_categories: rules.joint_categories,
    redeemables_limit: rules.redeemables_limit,
    applicable_redeemables_limit: rules.applicable_redeemables_limit,
    applicable_redeemables_per_category_limit: rules.applicable_redeemables_per_category_limit,
    applicable_redeemables_category_limits: rules.applicable_redeemables_category_limits,
    applicable_exclusive_redeemables_limit: rules.applicable_exclusive_redeemables_limit,
    applicable_exclusive_redeemables_per_category_limit: rules.applicable_exclusive_redeemables_per_category_limit,
    discount_calculation_mode: rules.discount_calculation_mode,
    initial_amount_mode_categories: rules.initial_amount_mode_categories,
    discounted_amount_mode_categories: rules.discounted_amount_mode_categories,
    redeemables_application_mode: rules.redeemables_application_mode,
    redeemables_sorting_rule: rules.redeemables_sorting_rule,
    redeemables_no_effect_rule: rules.redeemables_no_effect_rule,
    no_effect_skip_categories: rules.no_effect_skip_categories,
    no_effect_redeem_anyway_categories: rules.no_effect_redeem_anyway_categories,
    redeemables_products_application_mode: rules.redeemables_products_application_mode,
    redeemables_rollback_order_mode: rules.redeemables_rollback_order_mode,
    grouped_redeemables_sorting_rule: rules.grouped_redeemables_sorting_rule,
    ...(stored ? { created_at: stored.created_at } : {}),
    ...(stored?.updated_at ? { updated_at: stored.updated_at } : {}),
  };
}

export type StackingRulesObject = ReturnType<typeof toStackingRulesObject>;
