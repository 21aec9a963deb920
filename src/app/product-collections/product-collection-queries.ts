import { notFound } from '../../domain/errors.js';
import { parseFilter } from '../../domain/filters/parse-filter.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import { PRODUCT_FILTER_FIELDS, type ProductCollection } from '../../domain/products/product-collection.js';
import type { ProjectContext } from '../context.js';
import type { CollectionEntry, CollectionProductsQuery } from '../repositories/product-collection-repository.js';

export async function getProductCollection(ctx: ProjectContext, id: string): Promise<ProductCollection> {
  const collection = await ctx.store.productCollections.findById(id);
  if (!collection) throw notFound('products_collection', id);
  return collection;
}

export function listProductCollections(ctx: ProjectContext, query: ListQuery): Promise<ListPage<ProductCollection>> {
  return ctx.store.productCollections.list(query);
}

/**
 * The products in a collection now: for AUTO_UPDATE those matching the filter, found by the
 * database; for STATIC the members still live, in the order given (`order` does not apply).
 */
export async function listProductsInCollection(
  ctx: ProjectContext,
  id: string,
  query: CollectionProductsQuery,
): Promise<ListPage<CollectionEntry>> {
  const collection = await getProductCollection(ctx, id);
  if (collection.type === 'AUTO_UPDATE') {
    const filter = parseFilter(collection.filter ?? {}, PRODUCT_FILTER_FIELDS);
    const page = await ctx.store.productCollections.listMatchingProducts(filter, query);
    return { ...page, items: page.items.map((product) => ({ object: 'product', product })) };
  }
  const entries = await ctx.store.productCollections.findLiveMembers(collection.products ?? []);
  const after = query.starting_after;
  const kept = after === undefined ? entries : entries.filter((entry) => createdAt(entry) > after);
  const start = (query.page - 1) * query.limit;
  return {
    items: kept.slice(start, start + query.limit),
    total: kept.length,
    has_more: kept.length > start + query.limit,
  };
}

function createdAt(entry: CollectionEntry): string {
  return entry.object === 'sku' ? entry.sku.created_at : entry.product.created_at;
}
