import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { Sku } from '../../domain/products/product.js';

export interface SkuRepository {
  findById(id: string): Promise<Sku | undefined>;
  findBySourceId(sourceId: string): Promise<Sku | undefined>;
  findManyByIds(ids: readonly string[]): Promise<Sku[]>;
  findManyBySourceIds(sourceIds: readonly string[]): Promise<Sku[]>;
  isSourceIdBinned(sourceId: string): Promise<boolean>;
  insert(sku: Sku): Promise<boolean>;
  update(sku: Sku): Promise<void>;
  moveToBin(id: string, now: string): Promise<boolean>;
  deletePermanently(id: string): Promise<boolean>;
  listForProduct(productId: string, query: ListQuery): Promise<ListPage<Sku>>;
}
