import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectStore } from '../../src/app/ports.js';
import { upsertProduct } from '../../src/app/products/upsert-product.js';
import { upsertSku } from '../../src/app/products/upsert-sku.js';
import { createProject } from '../../src/app/projects/create-project.js';
import { randomIds } from '../../src/app/random-ids.js';
import { fixedClock } from '../../src/app/system-clock.js';
import { TEST_DATABASES } from '../support/databases.js';

const clock = fixedClock('2026-03-01T10:00:00.000Z');

/**
 * A storefront's create-only request that meets a product or SKU already stored (found first, or
 * created by a parallel request a moment earlier) sees it with its own values and writes nothing.
 */
describe.each(TEST_DATABASES)('create-only upserts of products and SKUs on $name', (database) => {
  let store: ProjectStore;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const opened = await database.open();
    dispose = opened.dispose;
    const created = await createProject(opened.store, clock, randomIds, { name: 'create-only' });
    store = opened.store.forProject(created.project.id);
  });

  afterAll(async () => dispose?.());

  it('keeps a stored product as it is and answers with the request values', async () => {
    const { product } = await upsertProduct(store, clock, randomIds, { source_id: 'mug', name: 'Mug', price: 900 });
    const kept = await upsertProduct(store, clock, randomIds, { source_id: 'mug', price: 1 }, 'keep');
    expect(kept).toMatchObject({ found: true, product: { id: product.id, price: 1, name: 'Mug' } });
    expect(await store.products.findBySourceId('mug')).toMatchObject({ price: 900, updated_at: null });
    const updated = await upsertProduct(store, clock, randomIds, { source_id: 'mug', price: 2 });
    expect(updated.product.price).toBe(2);
    expect(await store.products.findBySourceId('mug')).toMatchObject({ price: 2 });
  });

  it('keeps a stored SKU as it is and answers with the request values', async () => {
    const { product } = await upsertProduct(store, clock, randomIds, { source_id: 'cup', name: 'Cup' });
    const sku = await upsertSku(store, clock, randomIds, product, { source_id: 'cup-red', price: 500 });
    const kept = await upsertSku(store, clock, randomIds, product, { source_id: 'cup-red', price: 1 }, 'keep');
    expect(kept).toMatchObject({ id: sku.id, price: 1 });
    expect(await store.skus.findBySourceId('cup-red')).toMatchObject({ price: 500, updated_at: null });
  });
});
