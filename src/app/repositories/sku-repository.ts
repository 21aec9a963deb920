import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { Sku } from '../../domain/products/product.js';
import type { CreatedAtBounds } from './product-repository.js';

/** A SKU found whether live or in the bin, as a permanent deletion must reach both. */
export interface StoredSku {
  sku: Sku;
  binned: boolean;
}

/** The first SKUs of one product and how many live SKUs it has, as a product object embeds them. */
export interface ProductSkus {
  product_id: string;
  skus: Sku[];
  total: number;
}

export interface SkuRepository {
  /** Live SKUs only; binned ones are treated as absent. */
  findById(id: string): Promise<Sku | undefined>;
  findBySourceId(sourceId: string): Promise<Sku | undefined>;
  findManyByIds(ids: readonly string[]): Promise<Sku[]>;
  findManyBySourceIds(sourceIds: readonly string[]): Promise<Sku[]>;
  /** A live or binned SKU of the product by its id or, failing that, its source_id. */
  findStoredByRef(productId: string, ref: string): Promise<StoredSku | undefined>;
  /** Whether a binned (soft-deleted) SKU still holds this source_id. */
  isSourceIdBinned(sourceId: string): Promise<boolean>;
  /** Inserts unless the source_id is taken (by a live or binned SKU); answers whether it inserted. */
  insert(sku: Sku): Promise<boolean>;
  update(sku: Sku): Promise<void>;
  /** Moves the SKU to the bin; its source_id stays taken. */
  moveToBin(id: string, now: string): Promise<boolean>;
  deletePermanently(id: string): Promise<boolean>;
  listForProduct(productId: string, query: ListQuery, bounds?: CreatedAtBounds): Promise<ListPage<Sku>>;
  /** For each product, its first `limit` live SKUs (oldest first) and its live SKU count, in one query each. */
  listFirstForProducts(productIds: readonly string[], limit: number): Promise<ProductSkus[]>;
}
