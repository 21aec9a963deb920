import type { Category } from '../../domain/categories/category.js';
import type { ProjectContext } from '../context.js';
import { getCategoryIn } from './category-queries.js';
import { duplicateCategoryName } from './create-category.js';

/** Absent or null fields are left as they are. */
export interface CategoryChanges {
  name?: string | null;
  hierarchy?: number | null;
}

/** PUT /categories/{id}: a rename to a name another category holds is a 409. */
export function updateCategory(ctx: ProjectContext, id: string, changes: CategoryChanges): Promise<Category> {
  return ctx.store.transaction(async (store) => {
    const category = await getCategoryIn(store, id);
    const updated: Category = {
      ...category,
      name: changes.name ?? category.name,
      hierarchy: changes.hierarchy ?? category.hierarchy,
      updated_at: ctx.clock.now().toISOString(),
    };
    if (updated.name !== category.name) {
      const holder = await store.categories.findByName(updated.name);
      if (holder && holder.id !== id) throw duplicateCategoryName(updated.name);
    }
    await store.categories.update(updated);
    return updated;
  });
}
