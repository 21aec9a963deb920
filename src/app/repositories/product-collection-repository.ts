import type { ParsedFilter } from '../../domain/filters/filter.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { Product, Sku } from '../../domain/products/product.js';
import type { CollectionMember, ProductCollection } from '../../domain/products/product-collection.js';

/** A live product or SKU a collection holds; a SKU comes with its product. */
export type CollectionEntry = { object: 'product'; product: Product } | { object: 'sku'; sku: Sku; product: Product };

/** Only entries created strictly after (ascending) or before (descending) this instant: the `starting_after` cursor. */
export interface CollectionProductsQuery extends ListQuery {
  starting_after?: string;
}

export interface ProductCollectionRepository {
  findById(id: string): Promise<ProductCollection | undefined>;
  insert(collection: ProductCollection): Promise<void>;
  delete(id: string): Promise<boolean>;
  list(query: ListQuery): Promise<ListPage<ProductCollection>>;
  /** Live products matching an AUTO_UPDATE collection's filter, evaluated in the database. */
  listMatchingProducts(filter: ParsedFilter, query: CollectionProductsQuery): Promise<ListPage<Product>>;
  /** Which of these products are live and match an AUTO_UPDATE collection's filter. */
  filterMatchingProductIds(filter: ParsedFilter, productIds: readonly string[]): Promise<string[]>;
  /** The live (not binned) products and SKUs among `members`, in the members' order. */
  findLiveMembers(members: readonly CollectionMember[]): Promise<CollectionEntry[]>;
}
