import type { Category } from '../../domain/categories/category.js';
import { AppError } from '../../domain/errors.js';
import type { ProjectContext } from '../context.js';

/** Voucherify's hierarchy when none is given; lower applies first when redeemables stack. */
export const DEFAULT_CATEGORY_HIERARCHY = 1;

export interface CategoryInput {
  name: string;
  hierarchy?: number | null;
}

export function duplicateCategoryName(name: string): AppError {
  return new AppError('duplicate_found', { details: `A category named "${name}" already exists` });
}

/** POST /categories; names are unique per project. */
export function createCategory(ctx: ProjectContext, input: CategoryInput): Promise<Category> {
  const category: Category = {
    id: ctx.ids.newId('cat_'),
    name: input.name,
    hierarchy: input.hierarchy ?? DEFAULT_CATEGORY_HIERARCHY,
    created_at: ctx.clock.now().toISOString(),
    updated_at: null,
  };
  return ctx.store.transaction(async (store) => {
    if (!(await store.categories.insert(category))) throw duplicateCategoryName(category.name);
    return category;
  });
}
