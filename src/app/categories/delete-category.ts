import { notFound } from '../../domain/errors.js';
import type { ProjectContext } from '../context.js';

export function deleteCategory(ctx: ProjectContext, id: string): Promise<void> {
  return ctx.store.transaction(async (store) => {
    if (!(await store.categories.delete(id))) throw notFound('category', id);
  });
}
