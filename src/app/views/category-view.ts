import type { Category } from '../../domain/categories/category.js';
import type { StackingRulesType } from '../../domain/stacking/stacking-rules.js';

/**
 * Voucherify's category object; `updated_at` appears once the category has been updated.
 * `stacking_rules_type` (the spec's CategoryWithStackingRulesType) appears when the project's
 * stacking rules list the category as exclusive or joint; an ordinary category has none.
 */
export function toCategoryObject(category: Category, stackingRulesType?: StackingRulesType) {
  return {
    id: category.id,
    name: category.name,
    hierarchy: category.hierarchy,
    created_at: category.created_at,
    ...(category.updated_at === null ? {} : { updated_at: category.updated_at }),
    object: 'category' as const,
    ...(stackingRulesType === undefined ? {} : { stacking_rules_type: stackingRulesType }),
  };
}

export type CategoryObject = ReturnType<typeof toCategoryObject>;
