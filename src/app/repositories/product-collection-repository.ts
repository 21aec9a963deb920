import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { Product } from '../../domain/products/product.js';
import type { ProductCollection } from '../../domain/products/product-collection.js';

export interface ProductCollectionRepository {
  findById(id: string): Promise<ProductCollection | undefined>;
  insert(collection: ProductCollection): Promise<void>;
  delete(id: string): Promise<boolean>;
  list(query: ListQuery): Promise<ListPage<ProductCollection>>;
  /** Live products matching an AUTO_UPDATE collection's filter, evaluated in the database. */
  listMatchingProducts(filter: Record<string, unknown>, query: ListQuery): Promise<ListPage<Product>>;
}
