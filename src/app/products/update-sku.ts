import { applySkuChanges, checkSkuAttributes, type Sku, type SkuChanges } from '../../domain/products/product.js';
import type { ProjectContext } from '../context.js';
import { checkMetadata } from '../metadata-schemas/check-metadata.js';
import { getProductByRef, getProductSkuByRef } from './product-refs.js';

/**
 * PUT /products/{id}/skus/{id|source_id}: sets the given fields, leaves the rest. Like
 * Voucherify, it skips the source_id the SDK sends along.
 */
export function updateSku(
  ctx: ProjectContext,
  productRef: string,
  skuRef: string,
  changes: Omit<SkuChanges, 'source_id'>,
): Promise<Sku> {
  return ctx.store.transaction(async (store) => {
    const product = await getProductByRef(store, productRef);
    const sku = await getProductSkuByRef(store, product, skuRef);
    checkSkuAttributes(product, changes.attributes);
    const updated = applySkuChanges(sku, changes, ctx.clock.now().toISOString());
    if (changes.metadata !== undefined) await checkMetadata(store, 'sku', updated.metadata);
    await store.skus.update(updated);
    return updated;
  });
}
