import type { Product } from '../../domain/products/product.js';
import type { ProjectContext } from '../context.js';
import { type ProductUpsert, upsertProduct } from './upsert-product.js';

/** POST /products: creates, or updates the product its id or source_id already names. */
export async function createProduct(ctx: ProjectContext, input: ProductUpsert): Promise<Product> {
  const { product } = await ctx.store.transaction((store) => upsertProduct(store, ctx.clock, ctx.ids, input));
  return product;
}
