import { applyProductChanges, type Product, type ProductChanges } from '../../domain/products/product.js';
import type { ProjectContext } from '../context.js';
import { checkMetadata } from '../metadata-schemas/check-metadata.js';
import { getProductByRef } from './product-refs.js';

/**
 * PUT /products/{id|source_id}: sets the given fields, leaves the rest. The source_id is not among
 * them: Voucherify skips fields its update schema does not list, and the SDK sends it along.
 */
export function updateProduct(
  ctx: ProjectContext,
  ref: string,
  changes: Omit<ProductChanges, 'source_id'>,
): Promise<Product> {
  return ctx.store.transaction(async (store) => {
    const product = await getProductByRef(store, ref);
    const updated = applyProductChanges(product, changes, ctx.clock.now().toISOString());
    if (changes.metadata !== undefined) await checkMetadata(store, 'product', updated.metadata);
    await store.products.update(updated);
    return updated;
  });
}
