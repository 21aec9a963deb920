import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { Product } from '../../domain/products/product.js';

/** `start_date`/`end_date` of the product and SKU lists: bounds on `created_at`, both inclusive. */
export interface CreatedAtBounds {
  start_date?: string;
  end_date?: string;
}

/** What the product list is narrowed by: the date bounds, and Vouch's search. */
export interface ProductListFilters extends CreatedAtBounds {
  /** Vouch's list search: name, source_id or id, partly and whatever the case. */
  search?: string;
}

/** A product found whether live or in the bin, as a permanent deletion must reach both. */
export interface StoredProduct {
  product: Product;
  binned: boolean;
}

export interface ProductRepository {
  /** Live products only; binned ones are treated as absent. */
  findById(id: string): Promise<Product | undefined>;
  findBySourceId(sourceId: string): Promise<Product | undefined>;
  findManyByIds(ids: readonly string[]): Promise<Product[]>;
  findManyBySourceIds(sourceIds: readonly string[]): Promise<Product[]>;
  /** A live or binned product by its id or, failing that, its source_id. */
  findStoredByRef(ref: string): Promise<StoredProduct | undefined>;
  /** Whether a binned (soft-deleted) product still holds this source_id. */
  isSourceIdBinned(sourceId: string): Promise<boolean>;
  /** Inserts unless the source_id is taken (by a live or binned product); answers whether it inserted. */
  insert(product: Product): Promise<boolean>;
  update(product: Product): Promise<void>;
  /** Moves the product and its SKUs to the bin; the source_ids stay taken. */
  moveToBin(id: string, now: string): Promise<boolean>;
  /** Removes the product and its SKUs for good. */
  deletePermanently(id: string): Promise<boolean>;
  list(query: ListQuery, filters?: ProductListFilters): Promise<ListPage<Product>>;
}
