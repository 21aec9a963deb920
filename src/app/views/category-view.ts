import type { Category } from '../../domain/categories/category.js';

/** Voucherify's category object; `updated_at` appears once the category has been updated. */
export function toCategoryObject(category: Category) {
  return {
    id: category.id,
    name: category.name,
    hierarchy: category.hierarchy,
    created_at: category.created_at,
    ...(category.updated_at === null ? {} : { updated_at: category.updated_at }),
    object: 'category' as const,
  };
}

export type CategoryObject = ReturnType<typeof toCategoryObject>;
