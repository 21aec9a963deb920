import type { Product } from '../../domain/products/product.js';
import type { ProductCollection } from '../../domain/products/product-collection.js';
import type { CollectionEntry } from '../repositories/product-collection-repository.js';
import { toProductObject, toSkuObject } from './product-view.js';

/** Voucherify's collection object: a STATIC one shows `products`, an AUTO_UPDATE one its `filter`. */
export function toProductCollectionObject(collection: ProductCollection) {
  return {
    id: collection.id,
    name: collection.name,
    type: collection.type,
    ...(collection.type === 'AUTO_UPDATE'
      ? { filter: collection.filter ?? { junction: 'and' } }
      : { products: collection.products ?? [] }),
    created_at: collection.created_at,
    object: 'products_collection' as const,
  };
}

/** The product a SKU in a collection names, as Voucherify's example shows it. */
function toSkuProductObject(product: Product) {
  return {
    id: product.id,
    source_id: product.source_id,
    name: product.name,
    price: product.price,
    attributes: product.attributes,
    metadata: product.metadata,
    object: 'product' as const,
  };
}

/** A product, or a SKU with its product, as GET /product-collections/{id}/products lists them. */
export function toCollectionEntryObject(entry: CollectionEntry) {
  if (entry.object === 'product') return toProductObject(entry.product);
  return { ...toSkuObject(entry.sku), product: toSkuProductObject(entry.product) };
}

export type ProductCollectionObject = ReturnType<typeof toProductCollectionObject>;
