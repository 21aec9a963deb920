import { notFound } from '../../domain/errors.js';
import type { ProjectContext } from '../context.js';
import { getProductByRef, getProductSkuByRef } from './product-refs.js';

/**
 * DELETE /products/{id}/skus/{id|source_id}: moves the SKU to the bin, where its source_id stays
 * taken; with `force` removes it for good, also when it (or its product) is already binned.
 */
export function deleteSku(
  ctx: ProjectContext,
  productRef: string,
  skuRef: string,
  options: { force: boolean },
): Promise<void> {
  return ctx.store.transaction(async (store) => {
    if (options.force) {
      const product = await store.products.findStoredByRef(productRef);
      if (!product) throw notFound('product', productRef);
      const stored = await store.skus.findStoredByRef(product.product.id, skuRef);
      if (!stored) throw notFound('sku', skuRef);
      await store.skus.deletePermanently(stored.sku.id);
      return;
    }
    const product = await getProductByRef(store, productRef);
    const sku = await getProductSkuByRef(store, product, skuRef);
    await store.skus.moveToBin(sku.id, ctx.clock.now().toISOString());
  });
}
