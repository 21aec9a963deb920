import { notFound } from '../../domain/errors.js';
import type { OrderItem } from '../../domain/orders/order.js';
import type { OrderItemInput } from '../../domain/orders/order-input.js';
import { type CatalogMatch, priceOrderItem } from '../../domain/orders/price-order.js';
import { applyProductChanges, applySkuChanges, type Product, type Sku } from '../../domain/products/product.js';
import type { Clock, Ids, ProjectStore } from '../ports.js';
import { upsertProduct } from '../products/upsert-product.js';
import { upsertSku } from '../products/upsert-sku.js';
import { type CatalogWrites, mayCreate, mayUpdateExisting } from '../write-policy.js';
import { CatalogReader } from './catalog-reader.js';

interface Catalog {
  store: ProjectStore;
  reader: CatalogReader;
  clock: Clock;
  ids: Ids;
  /** Orders create and update catalog entries, storefronts only create them, validations only read. */
  writes: CatalogWrites;
}

async function findProduct(reader: CatalogReader, ref: string): Promise<Product | undefined> {
  return (await reader.productById(ref)) ?? (await reader.productBySourceId(ref));
}

async function findSku(reader: CatalogReader, ref: string): Promise<Sku | undefined> {
  return (await reader.skuById(ref)) ?? (await reader.skuBySourceId(ref));
}

/**
 * The product a line names. A `product_id` (or `product.id`) must exist; a source_id the catalog
 * lacks creates the product from the line's product data, and `override` updates an existing one
 * (or, where the policy forbids that, shapes only this line).
 */
async function matchProduct(
  { store, reader, clock, ids, writes }: Catalog,
  item: OrderItemInput,
  sku: Sku | null,
): Promise<Product | null> {
  const explicitId = item.product_id ?? item.product?.id ?? null;
  const sourceId = item.product?.source_id ?? (item.related_object !== 'sku' ? item.source_id : null) ?? null;
  const data = item.product;
  let product = explicitId ? await findProduct(reader, explicitId) : undefined;
  if (explicitId && !product && !sourceId) throw notFound('product', explicitId);
  product ??= sourceId ? await reader.productBySourceId(sourceId) : undefined;
  if (!product && sku) product = await reader.productById(sku.product_id);
  if (product && (!data?.override || !mayCreate(writes))) return product;
  if (!product && (!sourceId || !mayCreate(writes))) return null;
  const changes = {
    ...(data?.name !== undefined ? { name: data.name } : {}),
    ...(data?.price !== undefined ? { price: data.price } : {}),
    ...(data?.metadata !== undefined ? { metadata: data.metadata } : {}),
  };
  if (product && !mayUpdateExisting(writes)) return applyProductChanges(product, changes, null);
  const upserted = await upsertProduct(
    store,
    clock,
    ids,
    product ? { id: product.id, ...changes } : { source_id: sourceId, ...changes },
    mayUpdateExisting(writes) ? 'update' : 'keep',
  );
  reader.rememberProduct(upserted.product);
  return upserted.product;
}

/** The SKU a line names; an unknown SKU source_id is created under the line's product, when it has one. */
async function matchSku(
  catalog: Catalog,
  item: OrderItemInput,
): Promise<{ sku: Sku | null; pendingSourceId: string | null }> {
  const explicitId = item.sku_id ?? item.sku?.id ?? null;
  const sourceId = item.sku?.source_id ?? (item.related_object === 'sku' ? item.source_id : null) ?? null;
  const sku = explicitId ? await findSku(catalog.reader, explicitId) : undefined;
  if (explicitId && !sku && !sourceId) throw notFound('sku', explicitId);
  const found = sku ?? (sourceId ? await catalog.reader.skuBySourceId(sourceId) : undefined);
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
  if (!mayCreate(catalog.writes)) return { product, sku };
  if (!sku && pendingSourceId && product) {
    sku = await upsertSku(
      catalog.store,
      catalog.clock,
      catalog.ids,
      product,
      { source_id: pendingSourceId, ...skuChanges },
      mayUpdateExisting(catalog.writes) ? 'update' : 'keep',
    );
    catalog.reader.rememberSku(sku);
  } else if (sku && data?.override && product) {
    if (mayUpdateExisting(catalog.writes)) {
      sku = await upsertSku(catalog.store, catalog.clock, catalog.ids, product, { id: sku.id, ...skuChanges });
      catalog.reader.rememberSku(sku);
    } else {
      sku = applySkuChanges(sku, skuChanges, null);
    }
  }
  return { product, sku };
}

/**
 * Every line matched against the catalog and priced. Unless `read_only` (validations) a line
 * creates what it names but the catalog lacks; under `upsert` (server-side orders, redemptions)
 * `override` updates what exists, under `create_only` it prices this line only.
 */
export async function resolveOrderItems(
  store: ProjectStore,
  clock: Clock,
  ids: Ids,
  items: readonly OrderItemInput[],
  writes: CatalogWrites = 'upsert',
): Promise<OrderItem[]> {
  // A validation writes nothing, so what the prefetch did not find does not exist.
  const reader = await CatalogReader.prefetch(store, items, !mayCreate(writes));
  const catalog = { store, reader, clock, ids, writes };
  const priced: OrderItem[] = [];
  for (const [position, item] of items.entries()) {
    priced.push(priceOrderItem(item, await matchLine(catalog, item), position));
  }
  return priced;
}
