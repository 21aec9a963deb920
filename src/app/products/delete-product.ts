import { notFound } from '../../domain/errors.js';
import type { ProjectContext } from '../context.js';
import { getProductByRef } from './product-refs.js';

/**
 * DELETE /products/{id|source_id}: moves the product and its SKUs to the bin, where their
 * source_ids stay taken; with `force` removes them for good, also when they are already binned.
 */
export function deleteProduct(ctx: ProjectContext, ref: string, options: { force: boolean }): Promise<void> {
  return ctx.store.transaction(async (store) => {
    if (options.force) {
      const stored = await store.products.findStoredByRef(ref);
      if (!stored) throw notFound('product', ref);
      await store.products.deletePermanently(stored.product.id);
      return;
    }
    const product = await getProductByRef(store, ref);
    await store.products.moveToBin(product.id, ctx.clock.now().toISOString());
  });
}
