import type { Product, Sku } from '../../domain/products/product.js';
import type { ProductWithSkus } from '../products/product-queries.js';

/** Voucherify's SKU object; unset fields are null, as Voucherify's examples show them. */
export function toSkuObject(sku: Sku) {
  return {
    id: sku.id,
    source_id: sku.source_id,
    product_id: sku.product_id,
    sku: sku.sku,
    price: sku.price,
    currency: sku.currency,
    attributes: sku.attributes,
    image_url: sku.image_url,
    metadata: sku.metadata,
    created_at: sku.created_at,
    updated_at: sku.updated_at,
    object: 'sku' as const,
  };
}

/** Voucherify's product object as create and update answer it: without its SKUs. */
export function toProductObject(product: Product) {
  return {
    id: product.id,
    source_id: product.source_id,
    name: product.name,
    price: product.price,
    attributes: product.attributes,
    metadata: product.metadata,
    image_url: product.image_url,
    created_at: product.created_at,
    updated_at: product.updated_at,
    object: 'product' as const,
  };
}

/** The product as get and list answer it, with its SKUs embedded as a list. */
export function toProductWithSkusObject({ product, skus, skus_total }: ProductWithSkus) {
  return {
    ...toProductObject(product),
    skus: { object: 'list' as const, data_ref: 'data' as const, data: skus.map(toSkuObject), total: skus_total },
  };
}

export type ProductObject = ReturnType<typeof toProductObject>;
export type SkuObject = ReturnType<typeof toSkuObject>;
