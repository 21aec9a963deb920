import { AppError, notFound } from '../../domain/errors.js';
import {
  applySkuChanges,
  checkSkuAttributes,
  newSku,
  type Product,
  type Sku,
  type SkuChanges,
} from '../../domain/products/product.js';
import { checkMetadata } from '../metadata-schemas/check-metadata.js';
import type { Clock, Ids, ProjectStore } from '../ports.js';
import { sourceIdInBin, sourceIdTaken } from './product-refs.js';

export interface SkuUpsert extends SkuChanges {
  id?: string | null;
}

/** A SKU's source_id is unique in the project, so it cannot be re-created under another product. */
function ofAnotherProduct(sku: Sku, product: Product): AppError {
  return new AppError('duplicate_found', {
    details: `A sku with source_id ${sku.source_id} already exists in product ${sku.product_id}, not in ${product.id}`,
    resource_id: sku.id,
    resource_type: 'sku',
  });
}

async function checkSkuSourceIdFree(store: ProjectStore, sku: Sku, sourceId: string | null | undefined) {
  if (!sourceId || sourceId === sku.source_id) return;
  const holder = await store.skus.findBySourceId(sourceId);
  if (holder) throw sourceIdTaken('sku', sourceId, holder.id);
  if (await store.skus.isSourceIdBinned(sourceId)) throw sourceIdInBin('sku', sourceId);
}

async function updateIfChanged(store: ProjectStore, clock: Clock, sku: Sku, changes: SkuChanges) {
  const next = applySkuChanges(sku, changes, null);
  if (JSON.stringify(next) === JSON.stringify(sku)) return sku;
  if (changes.metadata !== undefined) await checkMetadata(store, 'sku', changes.metadata);
  await checkSkuSourceIdFree(store, sku, changes.source_id);
  const updated = applySkuChanges(sku, changes, clock.now().toISOString());
  await store.skus.update(updated);
  return updated;
}

/** A stored SKU of the product, updated, or under `keep` only shown with the changes, unwritten. */
async function keepOrUpdate(
  store: ProjectStore,
  clock: Clock,
  product: Product,
  sku: Sku,
  changes: SkuChanges,
  existing: 'update' | 'keep',
) {
  if (sku.product_id !== product.id) throw ofAnotherProduct(sku, product);
  return existing === 'keep' ? applySkuChanges(sku, changes, null) : updateIfChanged(store, clock, sku, changes);
}

/**
 * POST /products/{id}/skus in Voucherify's upsert mode: an `id` names an existing SKU of the
 * product, a `source_id` finds or creates one, neither creates one. Attribute values must name
 * attributes the product declares. Parallel creates of one source_id create one SKU; the losers
 * update it, or with `existing: 'keep'` (a storefront's create-only request) only see it with
 * their values, unwritten.
 */
export async function upsertSku(
  store: ProjectStore,
  clock: Clock,
  ids: Ids,
  product: Product,
  input: SkuUpsert,
  existing: 'update' | 'keep' = 'update',
): Promise<Sku> {
  const { id, ...changes } = input;
  checkSkuAttributes(product, changes.attributes);
  if (id) {
    const existing = await store.skus.findById(id);
    if (!existing || existing.product_id !== product.id) throw notFound('sku', id);
    return updateIfChanged(store, clock, existing, changes);
  }
  const sourceId = changes.source_id;
  if (sourceId) {
    const found = await store.skus.findBySourceId(sourceId);
    if (found) return keepOrUpdate(store, clock, product, found, changes, existing);
  }
  await checkMetadata(store, 'sku', changes.metadata);
  const created = newSku(ids.newId('sku_'), product.id, changes, clock.now().toISOString());
  if (await store.skus.insert(created)) return created;
  if (!sourceId) throw new Error('sku insert conflicted without a source_id');
  const winner = await store.skus.findBySourceId(sourceId);
  if (winner) return keepOrUpdate(store, clock, product, winner, changes, existing);
  if (await store.skus.isSourceIdBinned(sourceId)) throw sourceIdInBin('sku', sourceId);
  throw new Error('sku insert conflicted but no sku holds the source_id');
}
