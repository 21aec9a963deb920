import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { Product, Sku } from '../../domain/products/product.js';
import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';
import type { CreatedAtBounds, ProductListFilters } from '../repositories/product-repository.js';
import { getProductByRef, getSkuByRef } from './product-refs.js';

/**
 * How many SKUs a product object embeds; `total` still counts them all, and
 * `GET /products/{id}/skus` pages through the rest. Bounds the answer of a product list.
 */
export const EMBEDDED_SKU_LIMIT = 100;

/** A product with its first SKUs, as `GET /products` and `GET /products/{id}` show it. */
export interface ProductWithSkus {
  product: Product;
  skus: Sku[];
  skus_total: number;
}

export async function attachSkus(store: ProjectStore, products: Product[]): Promise<ProductWithSkus[]> {
  const lists = await store.skus.listFirstForProducts(
    products.map((p) => p.id),
    EMBEDDED_SKU_LIMIT,
  );
  const byProduct = new Map(lists.map((list) => [list.product_id, list]));
  return products.map((product) => {
    const list = byProduct.get(product.id);
    return { product, skus: list?.skus ?? [], skus_total: list?.total ?? 0 };
  });
}

export async function getProduct(ctx: ProjectContext, ref: string): Promise<ProductWithSkus> {
  const [withSkus] = await attachSkus(ctx.store, [await getProductByRef(ctx.store, ref)]);
  return withSkus as ProductWithSkus;
}

export async function listProducts(
  ctx: ProjectContext,
  query: ListQuery,
  filters: ProductListFilters,
): Promise<ListPage<ProductWithSkus>> {
  const page = await ctx.store.products.list(query, filters);
  return { ...page, items: await attachSkus(ctx.store, page.items) };
}

export function getSku(ctx: ProjectContext, ref: string): Promise<Sku> {
  return getSkuByRef(ctx.store, ref);
}

export async function listProductSkus(
  ctx: ProjectContext,
  productRef: string,
  query: ListQuery,
  bounds: CreatedAtBounds,
): Promise<ListPage<Sku>> {
  const product = await getProductByRef(ctx.store, productRef);
  return ctx.store.skus.listForProduct(product.id, query, bounds);
}
