import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { Product } from '../../domain/products/product.js';

export interface ProductRepository {
  /** Live products only; binned ones are treated as absent. */
  findById(id: string): Promise<Product | undefined>;
  findBySourceId(sourceId: string): Promise<Product | undefined>;
  findManyByIds(ids: readonly string[]): Promise<Product[]>;
  findManyBySourceIds(sourceIds: readonly string[]): Promise<Product[]>;
  /** Whether a binned (soft-deleted) product still holds this source_id. */
  isSourceIdBinned(sourceId: string): Promise<boolean>;
  /** Inserts unless the source_id is taken; answers whether it inserted. */
  insert(product: Product): Promise<boolean>;
  update(product: Product): Promise<void>;
  /** Moves the product and its SKUs to the bin; the source_ids stay taken. */
  moveToBin(id: string, now: string): Promise<boolean>;
  /** Removes the product and its SKUs for good. */
  deletePermanently(id: string): Promise<boolean>;
  list(query: ListQuery): Promise<ListPage<Product>>;
}
