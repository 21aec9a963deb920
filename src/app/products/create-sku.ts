import type { Sku } from '../../domain/products/product.js';
import type { ProjectContext } from '../context.js';
import { getProductByRef } from './product-refs.js';
import { type SkuUpsert, upsertSku } from './upsert-sku.js';

/** POST /products/{id|source_id}/skus: adds a SKU, or updates the one its id or source_id names. */
export function createSku(ctx: ProjectContext, productRef: string, input: SkuUpsert): Promise<Sku> {
  return ctx.store.transaction(async (store) => {
    const product = await getProductByRef(store, productRef);
    return upsertSku(store, ctx.clock, ctx.ids, product, input);
  });
}
