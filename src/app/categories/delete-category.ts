import { notFound } from '../../domain/errors.js';
import { listNamedCategories, removeCategory } from '../../domain/stacking/stacking-rules.js';
import type { ProjectContext } from '../context.js';

/**
 * DELETE /categories/{id}. Stacking rules that name the category forget it (its exclusive, joint,
 * no-effect, calculation-mode and limit entries) in the same transaction, so the rules never name
 * a category that is gone. Voucherify documents no refusal here, so the delete always goes ahead.
 * The rules row is locked before the category is deleted, the order every writer of the rules
 * follows, and read again after, so rules written meanwhile by a create are seen too.
 */
export function deleteCategory(ctx: ProjectContext, id: string): Promise<void> {
  return ctx.store.transaction(async (store) => {
    await store.stackingRules.findForUpdate();
    if (!(await store.categories.delete(id))) throw notFound('category', id);
    const stored = await store.stackingRules.findForUpdate();
    if (!stored || !listNamedCategories(stored.rules).includes(id)) return;
    await store.stackingRules.update({
      ...stored,
      rules: removeCategory(stored.rules, id),
      updated_at: ctx.clock.now().toISOString(),
    });
  });
}
