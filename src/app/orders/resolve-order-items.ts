import { notFound } from '../../domain/errors.js';
import type { OrderItem } from '../../domain/orders/order.js';
import type { OrderItemInput } from '../../domain/orders/order-input.js';
import { type CatalogMatch, priceOrderItem } from '../../domain/orders/price-order.js';
import type { Product, Sku } from '../../domain/products/product.js';
import type { Clock, Ids, ProjectStore } from '../ports.js';
import { upsertProduct } from '../products/upsert-product.js';
import { upsertSku } from '../products/upsert-sku.js';

interface Catalog {
  store: ProjectStore;
  clock: Clock;
  ids: Ids;
  /** Whether lines may create and update catalog entries (orders do; validations only read). */
  write: boolean;
}

async function findProduct(store: ProjectStore, ref: string): Promise<Product | undefined> {
  return (await store.products.findById(ref)) ?? (await store.products.findBySourceId(ref));
}

async function findSku(store: ProjectStore, ref: string): Promise<Sku | undefined> {
  return (await store.skus.findById(ref)) ?? (await store.skus.findBySourceId(ref));
}

/**
 * The product a line names. A `product_id` (or `product.id`) must exist; a source_id the catalog
 * lacks creates the product from the line's product data, and `override` updates an existing one.
 */
async function matchProduct(
  { store, clock, ids, write }: Catalog,
  item: OrderItemInput,
  sku: Sku | null,
): Promise<Product | null> {
  const explicitId = item.product_id ?? item.product?.id ?? null;
  const sourceId = item.product?.source_id ?? (item.related_object !== 'sku' ? item.source_id : null) ?? null;
  const data = item.product;
  let product = explicitId ? await findProduct(store, explicitId) : undefined;
  if (explicitId && !product && !sourceId) throw notFound('product', explicitId);
  product ??= sourceId ? await store.products.findBySourceId(sourceId) : undefined;
  if (!product && sku) product = await store.products.findById(sku.product_id);
  if (product && (!data?.override || !write)) return product;
  if (!product && (!sourceId || !write)) return null;
  const changes = {
    ...(data?.name !== undefined ? { name: data.name } : {}),
    ...(data?.price !== undefined ? { price: data.price } : {}),
    ...(data?.metadata !== undefined ? { metadata: data.metadata } : {}),
  };
  const upserted = await upsertProduct(
    store,
    clock,
    ids,
    product ? { id: product.id, ...changes } : { source_id: sourceId, ...changes },
  );
  return upserted.product;
}

/** The SKU a line names; an unknown SKU source_id is created under the line's product, when it has one. */
async function matchSku(
  catalog: Catalog,
  item: OrderItemInput,
): Promise<{ sku: Sku | null; pendingSourceId: string | null }> {
  const explicitId = item.sku_id ?? item.sku?.id ?? null;
  const sourceId = item.sku?.source_id ?? (item.related_object === 'sku' ? item.source_id : null) ?? null;
  const sku = explicitId ? await findSku(catalog.store, explicitId) : undefined;
  if (explicitId && !sku && !sourceId) throw notFound('sku', explicitId);
  const found = sku ?? (sourceId ? await catalog.store.skus.findBySourceId(sourceId) : undefined);
  return { sku: found ?? null, pendingSourceId: found ? null : sourceId };
}

async function matchLine(catalog: Catalog, item: OrderItemInput): Promise<CatalogMatch> {
  const { sku: existingSku, pendingSourceId } = await matchSku(catalog, item);
  const product = await matchProduct(catalog, item, existingSku);
  let sku = existingSku;
  const data = item.sku;
  const skuChanges = {
    ...(data?.sku !== undefined ? { sku: data.sku } : {}),
    ...(data?.price !== undefined ? { price: data.price } : {}),
    ...(data?.metadata !== undefined ? { metadata: data.metadata } : {}),
  };
  if (!catalog.write) return { product, sku };
  if (!sku && pendingSourceId && product) {
    sku = await upsertSku(catalog.store, catalog.clock, catalog.ids, product, {
      source_id: pendingSourceId,
      ...skuChanges,
    });
  } else if (sku && data?.override && product) {
    sku = await upsertSku(catalog.store, catalog.clock, catalog.ids, product, { id: sku.id, ...skuChanges });
  }
  return { product, sku };
}

/**
 * Every line matched against the catalog and priced. With `write` (orders, redemptions) a line
 * creates what it names but the catalog lacks, and `override` updates it; without (validations)
 * the catalog is only read.
 */
export async function resolveOrderItems(
  store: ProjectStore,
  clock: Clock,
  ids: Ids,
  items: readonly OrderItemInput[],
  options: { write: boolean } = { write: true },
): Promise<OrderItem[]> {
  const catalog = { store, clock, ids, write: options.write };
  const priced: OrderItem[] = [];
  for (const [position, item] of items.entries()) {
    priced.push(priceOrderItem(item, await matchLine(catalog, item), position));
  }
  return priced;
}
