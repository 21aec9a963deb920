import { notFound } from '../../domain/errors.js';
import type { ProjectContext } from '../context.js';

export function deleteProductCollection(ctx: ProjectContext, id: string): Promise<void> {
  return ctx.store.transaction(async (store) => {
    if (!(await store.productCollections.delete(id))) throw notFound('products_collection', id);
  });
}
