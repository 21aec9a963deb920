import { notFound } from '../../domain/errors.js';
import { applyProductChanges, newProduct, type Product, type ProductChanges } from '../../domain/products/product.js';
import { checkMetadata } from '../metadata-schemas/check-metadata.js';
import type { Clock, Ids, ProjectStore } from '../ports.js';
import { sourceIdInBin, sourceIdTaken } from './product-refs.js';

export interface ProductUpsert extends ProductChanges {
  id?: string | null;
}

/** The product after an upsert, and whether it existed before (bulk reports show `found`). */
export interface UpsertedProduct {
  product: Product;
  found: boolean;
}

/** Refuses a source_id that names another product, live or binned, before the write would. */
async function checkProductSourceIdFree(store: ProjectStore, product: Product, sourceId: string | null | undefined) {
  if (!sourceId || sourceId === product.source_id) return;
  const holder = await store.products.findBySourceId(sourceId);
  if (holder) throw sourceIdTaken('product', sourceId, holder.id);
  if (await store.products.isSourceIdBinned(sourceId)) throw sourceIdInBin('product', sourceId);
}

async function updateIfChanged(store: ProjectStore, clock: Clock, product: Product, changes: ProductChanges) {
  const next = applyProductChanges(product, changes, null);
  if (JSON.stringify(next) === JSON.stringify(product)) return product;
  if (changes.metadata !== undefined) await checkMetadata(store, 'product', changes.metadata);
  await checkProductSourceIdFree(store, product, changes.source_id);
  const updated = applyProductChanges(product, changes, clock.now().toISOString());
  await store.products.update(updated);
  return updated;
}

/**
 * Voucherify's upsert: an `id` names an existing product, a `source_id` finds or creates one,
 * neither creates a new product. Parallel creates of one new source_id create one product: the
 * insert is conditional, and the losers update the winner's row, or with `existing: 'keep'` (a
 * storefront's create-only request) only see it with their values, unwritten. A source_id held by
 * a binned product stays taken until that product is deleted with force.
 */
export async function upsertProduct(
  store: ProjectStore,
  clock: Clock,
  ids: Ids,
  input: ProductUpsert,
  existing: 'update' | 'keep' = 'update',
): Promise<UpsertedProduct> {
  const { id, ...changes } = input;
  if (id) {
    const existing = await store.products.findById(id);
    if (!existing) throw notFound('product', id);
    return { product: await updateIfChanged(store, clock, existing, changes), found: true };
  }
  const sourceId = changes.source_id;
  if (sourceId) {
    const found = await store.products.findBySourceId(sourceId);
    if (found && existing === 'keep') return { product: applyProductChanges(found, changes, null), found: true };
    if (found) return { product: await updateIfChanged(store, clock, found, changes), found: true };
  }
  await checkMetadata(store, 'product', changes.metadata);
  const created = newProduct(ids.newId('prod_'), changes, clock.now().toISOString());
  if (await store.products.insert(created)) return { product: created, found: false };
  if (!sourceId) throw new Error('product insert conflicted without a source_id');
  const winner = await store.products.findBySourceId(sourceId);
  if (winner && existing === 'keep') return { product: applyProductChanges(winner, changes, null), found: true };
  if (winner) return { product: await updateIfChanged(store, clock, winner, changes), found: true };
  if (await store.products.isSourceIdBinned(sourceId)) throw sourceIdInBin('product', sourceId);
  throw new Error('product insert conflicted but no product holds the source_id');
}
