import { AppError, notFound } from '../../domain/errors.js';
import type { Product, Sku } from '../../domain/products/product.js';
import type { ProjectStore } from '../ports.js';

/** A live product named by its id or, failing that, its source_id, as Voucherify's paths allow. */
export async function findProductByRef(store: ProjectStore, ref: string): Promise<Product | undefined> {
  return (await store.products.findById(ref)) ?? (await store.products.findBySourceId(ref));
}

export async function getProductByRef(store: ProjectStore, ref: string): Promise<Product> {
  const product = await findProductByRef(store, ref);
  if (!product) throw notFound('product', ref);
  return product;
}

/** A live SKU named by its id or source_id, in any product (`GET /skus/{skuId}`). */
export async function getSkuByRef(store: ProjectStore, ref: string): Promise<Sku> {
  const sku = (await store.skus.findById(ref)) ?? (await store.skus.findBySourceId(ref));
  if (!sku) throw notFound('sku', ref);
  return sku;
}

/** A live SKU of this product; a SKU of another product is not found under this one. */
export async function getProductSkuByRef(store: ProjectStore, product: Product, ref: string): Promise<Sku> {
  const sku = (await store.skus.findById(ref)) ?? (await store.skus.findBySourceId(ref));
  if (!sku || sku.product_id !== product.id) throw notFound('sku', ref);
  return sku;
}

/** A binned object still holds its source_id, so the same source_id cannot name a new one yet. */
export function sourceIdInBin(type: 'product' | 'sku', sourceId: string): AppError {
  const path = type === 'product' ? `/v1/products/${sourceId}` : `/v1/products/{productId}/skus/${sourceId}`;
  return new AppError('duplicate_found', {
    details: `A ${type} with source_id ${sourceId} is in the bin; delete it permanently (DELETE ${path}?force=true) to reuse the source_id`,
    resource_type: type,
  });
}

export function sourceIdTaken(type: 'product' | 'sku', sourceId: string, ownerId: string): AppError {
  return new AppError('duplicate_found', {
    details: `A ${type} with source_id ${sourceId} already exists (${ownerId})`,
    resource_id: ownerId,
    resource_type: type,
  });
}
