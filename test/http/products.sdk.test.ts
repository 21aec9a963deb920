import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTempCsv } from '../support/csv-files.js';
import { TEST_DATABASES } from '../support/databases.js';
import { type Loose, loose } from '../support/loose.js';
import { startTestServer, type TestServer, waitForAsyncAction } from '../support/test-server.js';
import { expectConformsToSpec } from '../support/voucherify-spec.js';

const csvFile = writeTempCsv;

describe.each(TEST_DATABASES)('products and SKUs through the official SDK on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server?.close());

  it('creates a product, upserts it by source_id and by id, and reads it by id and by source_id', async () => {
    const sdk = server.sdk();
    const created = loose(
      await sdk.products.create({
        source_id: 'phone',
        name: 'Phone',
        price: 200000,
        attributes: ['color', 'memory'],
        metadata: { vendor: 'Online Store' },
        image_url: 'https://shop.example.com/phone.png',
      }),
    );
    expectConformsToSpec('post', '/v1/products', 200, created);
    expect(created).toEqual({
      id: expect.stringMatching(/^prod_/),
      source_id: 'phone',
      name: 'Phone',
      price: 200000,
      attributes: ['color', 'memory'],
      metadata: { vendor: 'Online Store' },
      image_url: 'https://shop.example.com/phone.png',
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      updated_at: null,
      object: 'product',
    });

    const unchanged = loose(await sdk.products.create({ source_id: 'phone', name: 'Phone' }));
    expect(unchanged).toEqual(created);

    const upserted = loose(await sdk.products.create({ source_id: 'phone', price: 210000 }));
    expect(upserted).toMatchObject({ id: created.id, name: 'Phone', price: 210000, attributes: ['color', 'memory'] });
    expect(upserted.updated_at).not.toBeNull();

    const byIdUpsert = loose(await sdk.products.create({ id: created.id, name: 'Phone X' } as never));
    expect(byIdUpsert).toMatchObject({ id: created.id, source_id: 'phone', name: 'Phone X' });

    const byId = loose(await sdk.products.get(created.id));
    expectConformsToSpec('get', '/v1/products/{productId}', 200, byId);
    expect(byId).toMatchObject({
      id: created.id,
      name: 'Phone X',
      price: 210000,
      skus: { object: 'list', data_ref: 'data', data: [], total: 0 },
    });
    expect(loose(await sdk.products.get('phone'))).toEqual(byId);
  });

  it('creates a product with nothing but defaults', async () => {
    const bare = loose(await server.sdk().products.create({}));
    expectConformsToSpec('post', '/v1/products', 200, bare);
    expect(bare).toMatchObject({ source_id: null, name: null, price: null, attributes: [], metadata: {} });
  });

  it('updates by id or by source_id, leaving other fields and the source_id as they were', async () => {
    const sdk = server.sdk();
    const created = loose(
      await sdk.products.create({ source_id: 'shirt', name: 'Shirt', price: 1000, metadata: { a: 1 } }),
    );
    const renamed = loose(await sdk.products.update({ id: created.id, name: 'T-shirt' }));
    expectConformsToSpec('put', '/v1/products/{productId}', 200, renamed);
    expect(renamed).toMatchObject({ id: created.id, source_id: 'shirt', name: 'T-shirt', price: 1000 });
    expect(renamed.updated_at).not.toBeNull();

    const repriced = loose(
      await sdk.products.update({ source_id: 'shirt', price: 1200, metadata: { b: 2 }, image_url: 'https://x/y.png' }),
    );
    expect(repriced).toMatchObject({ name: 'T-shirt', price: 1200, metadata: { b: 2 }, image_url: 'https://x/y.png' });

    const cleared = loose(await sdk.products.update({ source_id: 'shirt', price: null as unknown as number }));
    expect(cleared.price).toBeNull();

    const kept = loose(await sdk.products.update({ id: created.id, source_id: 'other-source', name: 'Tee' }));
    expect(kept).toMatchObject({ source_id: 'shirt', name: 'Tee' });
  });

  it('lists with paging, order and the start_date/end_date bounds', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    const created: Loose[] = [];
    for (let i = 0; i < 5; i++)
      created.push(loose(await sdk.products.create({ source_id: `list-${i}`, name: `P${i}` })));
    await sdk.products.createSku(created[0]?.id, { sku: 'S', source_id: 'list-0-sku' });

    const first = loose(await sdk.products.list({ limit: 2, page: 1 }));
    expectConformsToSpec('get', '/v1/products', 200, first);
    expect(first).toMatchObject({ object: 'list', data_ref: 'products', total: 5 });
    const second = loose(await sdk.products.list({ limit: 2, page: 2 }));
    const third = loose(await sdk.products.list({ limit: 2, page: 3 }));
    expect(third.products).toHaveLength(1);
    const paged = [...first.products, ...second.products, ...third.products];
    const ascending = loose(await sdk.products.list({ limit: 100 })).products;
    // Oldest first; products made in the same millisecond follow their ids.
    expect(paged.map((p: { id: string }) => p.id)).toEqual(ascending.map((p: { id: string }) => p.id));
    expect(ascending.map((p: { created_at: string }) => p.created_at)).toEqual(
      created.map((p) => p.created_at as string).sort(),
    );
    const withSku = ascending.find((p: { id: string }) => p.id === created[0]?.id);
    expect(withSku.skus).toMatchObject({ total: 1, data: [{ source_id: 'list-0-sku', object: 'sku' }] });

    const descending = loose(await sdk.products.list({ order: '-created_at', limit: 100 } as never));
    expect(descending.products.map((p: { id: string }) => p.id)).toEqual(
      ascending.map((p: { id: string }) => p.id).reverse(),
    );

    const middle = created[2]?.created_at as string;
    const fromMiddle = loose(await sdk.products.list({ start_date: middle, limit: 100 } as never));
    expect(fromMiddle.products.every((p: { created_at: string }) => p.created_at >= middle)).toBe(true);
    expect(fromMiddle.products.map((p: { id: string }) => p.id)).toContain(created[2]?.id);
    const toMiddle = loose(await sdk.products.list({ end_date: middle, limit: 100 } as never));
    expect(toMiddle.products.every((p: { created_at: string }) => p.created_at <= middle)).toBe(true);
    expect(toMiddle.total + fromMiddle.total).toBeGreaterThanOrEqual(6);

    await expect(sdk.products.list({ order: 'price' } as never)).rejects.toMatchObject({
      code: 400,
      key: 'invalid_query_params',
    });
    await expect(sdk.products.list({ start_date: 'yesterday' } as never)).rejects.toMatchObject({ code: 400 });
  });

  it('creates, reads, updates and lists SKUs, upserting them by source_id', async () => {
    const sdk = server.sdk();
    const product = loose(
      await sdk.products.create({ source_id: 'laptop', name: 'Laptop', attributes: ['ram', 'color'] }),
    );
    const sku = loose(
      await sdk.products.createSku('laptop', {
        sku: 'Laptop 16GB silver',
        source_id: 'laptop-16-silver',
        price: 150000,
        currency: 'USD',
        attributes: { ram: '16', color: 'silver' },
        metadata: { imported: true },
      }),
    );
    expectConformsToSpec('post', '/v1/products/{productId}/skus', 200, sku);
    expect(sku).toEqual({
      id: expect.stringMatching(/^sku_/),
      source_id: 'laptop-16-silver',
      product_id: product.id,
      sku: 'Laptop 16GB silver',
      price: 150000,
      currency: 'USD',
      attributes: { ram: '16', color: 'silver' },
      image_url: null,
      metadata: { imported: true },
      created_at: expect.any(String),
      updated_at: null,
      object: 'sku',
    });

    const plain = loose(await sdk.products.createSku(product.id, { sku: 'Laptop 8GB', attributes: { ram: '8' } }));
    expect(plain).toMatchObject({ price: null, currency: null, source_id: null, attributes: { ram: '8' } });

    const upserted = loose(
      await sdk.products.createSku(product.id, {
        sku: 'Laptop 16GB silver',
        source_id: 'laptop-16-silver',
        price: 140000,
      }),
    );
    expect(upserted).toMatchObject({ id: sku.id, price: 140000, currency: 'USD' });

    const byId = loose(await sdk.products.getSku(sku.id));
    expectConformsToSpec('get', '/v1/skus/{skuId}', 200, byId);
    expect(loose(await sdk.products.getSku('laptop-16-silver'))).toEqual(byId);

    const updated = loose(
      await sdk.products.updateSku('laptop', { source_id: 'laptop-16-silver', sku: 'Laptop 16GB', currency: 'EUR' }),
    );
    expectConformsToSpec('put', '/v1/products/{productId}/skus/{skuId}', 200, updated);
    expect(updated).toMatchObject({ id: sku.id, sku: 'Laptop 16GB', currency: 'EUR', price: 140000 });
    expect(updated.updated_at).not.toBeNull();
    const byIdUpdate = loose(await sdk.products.updateSku(product.id, { id: plain.id, price: 90000 } as never));
    expect(byIdUpdate).toMatchObject({ id: plain.id, price: 90000 });

    const list = loose(await sdk.products.listSkus('laptop'));
    expectConformsToSpec('get', '/v1/products/{productId}/skus', 200, list);
    expect(list).toMatchObject({ object: 'list', data_ref: 'skus', total: 2 });
    expect(list.skus.map((s: { id: string }) => s.id).sort()).toEqual([sku.id, plain.id].sort());

    const withSkus = loose(await sdk.products.get('laptop'));
    expectConformsToSpec('get', '/v1/products/{productId}', 200, withSkus);
    expect(withSkus.skus).toMatchObject({ object: 'list', data_ref: 'data', total: 2 });
    expect(withSkus.skus.data.map((s: { id: string }) => s.id)).toEqual(list.skus.map((s: { id: string }) => s.id));
  });

  it('embeds at most 100 SKUs in a product while counting them all, and pages through the rest', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    await sdk.products.create({ source_id: 'many', attributes: ['n'] });
    const lines = Array.from({ length: 105 }, (_, i) => `many,SKU ${i},many-${i},${i},,"{""n"":${i}}"`);
    const queued = await sdk.products.importSkusCSV(
      csvFile('many-skus', `product_id,sku,source_id,price,image_url,attributes\n${lines.join('\n')}\n`),
    );
    const done = loose(await waitForAsyncAction(server, queued.async_action_id, project));
    expect(done.result).toMatchObject({ done_count: 105, failed_count: 0 });

    const product = loose(await sdk.products.get('many'));
    expect(product.skus.total).toBe(105);
    expect(product.skus.data).toHaveLength(100);
    const listed = loose(await sdk.products.list());
    expect(listed.products[0].skus).toMatchObject({ total: 105 });
    expect(listed.products[0].skus.data).toHaveLength(100);

    const lastPage = loose(await sdk.products.listSkus('many'));
    expect(lastPage).toMatchObject({ total: 105 });
    expect(lastPage.skus).toHaveLength(10);
    const answer = await fetch(`${server.url}/v1/products/many/skus?limit=100&page=2&order=-created_at`, {
      headers: server.serverHeaders(project),
    });
    const paged = loose(await answer.json());
    expectConformsToSpec('get', '/v1/products/{productId}/skus', 200, paged);
    const all = loose(
      await (
        await fetch(`${server.url}/v1/products/many/skus?limit=100&order=-created_at`, {
          headers: server.serverHeaders(project),
        })
      ).json(),
    );
    expect([...all.skus, ...paged.skus].map((s: { id: string }) => s.id)).toHaveLength(105);
    expect(new Set([...all.skus, ...paged.skus].map((s: { id: string }) => s.id)).size).toBe(105);
  });

  it('refuses SKU attributes the product does not declare, a bad currency, and a source_id of another product', async () => {
    const sdk = server.sdk();
    const product = loose(await sdk.products.create({ source_id: 'mug', attributes: ['color'] }));
    await expect(
      sdk.products.createSku(product.id, { sku: 'Mug', source_id: 'mug-xl', attributes: { color: 'red', size: 'XL' } }),
    ).rejects.toMatchObject({
      code: 400,
      key: 'invalid_payload',
      details: expect.stringContaining('"size"'),
    });
    await expect(sdk.products.getSku('mug-xl')).rejects.toMatchObject({ code: 404 });
    await expect(sdk.products.createSku(product.id, { sku: 'Mug', currency: 'dollars' })).rejects.toMatchObject({
      code: 400,
      key: 'invalid_payload',
    });

    await sdk.products.createSku(product.id, { sku: 'Red mug', source_id: 'mug-red', attributes: { color: 'red' } });
    await expect(
      sdk.products.updateSku(product.id, { source_id: 'mug-red', sku: 'Red mug', attributes: { shape: 'round' } }),
    ).rejects.toMatchObject({ code: 400, key: 'invalid_payload' });

    const other = loose(await sdk.products.create({ source_id: 'cup' }));
    await expect(sdk.products.createSku(other.id, { sku: 'Red cup', source_id: 'mug-red' })).rejects.toMatchObject({
      code: 409,
      key: 'duplicate_found',
    });
    await expect(sdk.products.updateSku('cup', { source_id: 'mug-red', sku: 'x' })).rejects.toMatchObject({
      code: 404,
    });
  });

  it('moves a deleted product and its SKUs to the bin, keeping their source_ids taken until force', async () => {
    const sdk = server.sdk();
    const product = loose(await sdk.products.create({ source_id: 'binned', name: 'Old' }));
    const sku = loose(await sdk.products.createSku(product.id, { sku: 'Old', source_id: 'binned-sku' }));
    await sdk.products.delete('binned');

    await expect(sdk.products.get(product.id)).rejects.toMatchObject({ code: 404, key: 'not_found' });
    await expect(sdk.products.get('binned')).rejects.toMatchObject({ code: 404 });
    await expect(sdk.products.getSku(sku.id)).rejects.toMatchObject({ code: 404 });
    await expect(sdk.products.delete('binned')).rejects.toMatchObject({ code: 404 });
    const listed = loose(await sdk.products.list({ limit: 100 }));
    expect(listed.products.map((p: { id: string }) => p.id)).not.toContain(product.id);

    await expect(sdk.products.create({ source_id: 'binned', name: 'New' })).rejects.toMatchObject({
      code: 409,
      key: 'duplicate_found',
      details: expect.stringContaining('force=true'),
    });
    const holder = loose(await sdk.products.create({ source_id: 'sku-holder' }));
    await expect(sdk.products.createSku(holder.id, { sku: 'New', source_id: 'binned-sku' })).rejects.toMatchObject({
      code: 409,
      details: expect.stringContaining('force=true'),
    });

    await sdk.products.delete('binned', { force: true });
    const reborn = loose(await sdk.products.create({ source_id: 'binned', name: 'New' }));
    expect(reborn.id).not.toBe(product.id);
    expect(loose(await sdk.products.get('binned')).skus.total).toBe(0);
    const newSku = loose(await sdk.products.createSku(holder.id, { sku: 'New', source_id: 'binned-sku' }));
    expect(newSku.id).not.toBe(sku.id);

    await sdk.products.delete(reborn.id, { force: true });
    await expect(sdk.products.get('binned')).rejects.toMatchObject({ code: 404 });
    await expect(sdk.products.delete(reborn.id, { force: true })).rejects.toMatchObject({ code: 404 });
  });

  it('deletes a SKU to the bin, or for good with force', async () => {
    const sdk = server.sdk();
    const product = loose(await sdk.products.create({ source_id: 'lamp' }));
    const sku = loose(await sdk.products.createSku('lamp', { sku: 'Lamp', source_id: 'lamp-1' }));
    const answer = await fetch(`${server.url}/v1/products/lamp/skus/lamp-1`, {
      method: 'DELETE',
      headers: server.serverHeaders(),
    });
    expect(answer.status).toBe(204);
    expect(await answer.text()).toBe('');
    await expect(sdk.products.getSku(sku.id)).rejects.toMatchObject({ code: 404 });
    expect(loose(await sdk.products.listSkus(product.id)).total).toBe(0);
    await expect(sdk.products.createSku('lamp', { sku: 'Lamp', source_id: 'lamp-1' })).rejects.toMatchObject({
      code: 409,
    });
    await sdk.products.deleteSku(product.id, sku.id, { force: true });
    const again = loose(await sdk.products.createSku('lamp', { sku: 'Lamp', source_id: 'lamp-1' }));
    expect(again.id).not.toBe(sku.id);
    await expect(sdk.products.deleteSku('lamp', 'nothing')).rejects.toMatchObject({ code: 404 });
  });

  it('updates in bulk and merges metadata in bulk through async actions', async () => {
    const sdk = server.sdk();
    await sdk.products.create({ source_id: 'bulk-1', name: 'One', metadata: { keep: true } });
    const bulk = await sdk.products.bulkUpdate([
      { source_id: 'bulk-1', name: 'One updated', price: 100 },
      { source_id: 'bulk-2', name: 'Two created', attributes: ['size'] },
    ]);
    expect(bulk.async_action_id).toMatch(/^aa_/);
    const done = loose(await waitForAsyncAction(server, bulk.async_action_id));
    expectConformsToSpec('get', '/v1/async-actions/{asyncActionId}', 200, done);
    expect(done).toMatchObject({ status: 'DONE', type: 'PRODUCTS.BULK_UPDATE', operation_status: 'SUCCESS' });
    expect(done.result.results).toEqual([
      { source_id: 'bulk-1', found: true, updated: true },
      { source_id: 'bulk-2', found: false, updated: true },
    ]);
    expect(loose(await sdk.products.get('bulk-1'))).toMatchObject({ name: 'One updated', price: 100 });
    expect(loose(await sdk.products.get('bulk-2'))).toMatchObject({ name: 'Two created', attributes: ['size'] });

    const metadata = await sdk.products.bulkUpdateMetadata({
      source_ids: ['bulk-1', 'bulk-2', 'bulk-3'],
      metadata: { vip: true },
    });
    const merged = loose(await waitForAsyncAction(server, metadata.async_action_id));
    expect(merged).toMatchObject({ status: 'DONE', type: 'PRODUCTS.METADATA_UPDATE', operation_status: 'SUCCESS' });
    expect(loose(await sdk.products.get('bulk-1')).metadata).toEqual({ keep: true, vip: true });
    expect(loose(await sdk.products.get('bulk-2')).metadata).toEqual({ vip: true });
    expect(loose(await sdk.products.get('bulk-3')).metadata).toEqual({ vip: true });

    await expect(sdk.products.bulkUpdate([{ name: 'no source id' }])).rejects.toMatchObject({
      code: 400,
      key: 'invalid_payload',
    });
  });

  it('imports products and then SKUs from CSV files, reporting the rows it could not apply', async () => {
    const sdk = server.sdk();
    const products = await sdk.products.importCSV(
      csvFile(
        'products',
        'name,source_id,price,attributes,image_url,Vendor\n' +
          'Sofa,csv-sofa,49900,"color,size",https://x/sofa.png,Acme\n' +
          'Chair,csv-chair,,,,\n' +
          ',csv-nameless,100,,,\n' +
          'Table,csv-table,12.50,,,\n',
      ),
    );
    const imported = loose(await waitForAsyncAction(server, products.async_action_id));
    expect(imported).toMatchObject({ status: 'DONE', type: 'PRODUCTS.IMPORT_CSV', operation_status: 'FAILED' });
    expect(imported.result).toMatchObject({ done_count: 2, failed_count: 2 });
    expect(imported.result.failed).toEqual([
      expect.objectContaining({ row: 4, reason: expect.stringContaining('name is required') }),
      expect.objectContaining({ row: 5, source_id: 'csv-table', reason: expect.stringContaining('price') }),
    ]);
    expect(loose(await sdk.products.get('csv-sofa'))).toMatchObject({
      name: 'Sofa',
      price: 49900,
      attributes: ['color', 'size'],
      image_url: 'https://x/sofa.png',
      metadata: { Vendor: 'Acme' },
    });
    expect(loose(await sdk.products.get('csv-chair'))).toMatchObject({ name: 'Chair', price: null, metadata: {} });

    const skus = await sdk.products.importSkusCSV(
      csvFile(
        'skus',
        'product_id,sku,source_id,price,image_url,attributes,Warehouse\n' +
          `csv-sofa,Red sofa,csv-sofa-red,51900,,"{'color':'red','size':'L'}",North\n` +
          'csv-sofa,Blue sofa,csv-sofa-blue,,,"{""color"":""blue""}",\n' +
          'csv-sofa,Green sofa,csv-sofa-green,,,"{""weight"":""9kg""}",\n' +
          'csv-missing,Ghost,csv-ghost,,,,\n',
      ),
    );
    const skuImport = loose(await waitForAsyncAction(server, skus.async_action_id));
    expect(skuImport).toMatchObject({ status: 'DONE', type: 'SKUS.IMPORT_CSV' });
    expect(skuImport.result).toMatchObject({ done_count: 2, failed_count: 2 });
    expect(skuImport.result.failed).toEqual([
      expect.objectContaining({ row: 4, source_id: 'csv-sofa-green', reason: expect.stringContaining('weight') }),
      expect.objectContaining({ row: 5, source_id: 'csv-ghost', reason: expect.stringContaining('csv-missing') }),
    ]);
    expect(loose(await sdk.products.getSku('csv-sofa-red'))).toMatchObject({
      sku: 'Red sofa',
      price: 51900,
      attributes: { color: 'red', size: 'L' },
      metadata: { Warehouse: 'North' },
    });
    expect(loose(await sdk.products.listSkus('csv-sofa')).total).toBe(2);
  });

  it('refuses a malformed CSV file before anything is queued', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    await expect(sdk.products.importCSV(csvFile('broken', 'name,source_id\n"unclosed,quote\n'))).rejects.toMatchObject({
      code: 400,
      key: 'invalid_csv_file',
    });
    await expect(
      sdk.products.importSkusCSV(csvFile('ragged', 'product_id,sku,source_id\na,b,c,d,e\n')),
    ).rejects.toMatchObject({ code: 400, key: 'invalid_csv_file' });
    expect((await sdk.asyncActions.list({})).async_actions).toHaveLength(0);
  });

  it('refuses wrong types with invalid_payload and creates nothing', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    await expect(sdk.products.create({ source_id: 'typed', price: '100' as never })).rejects.toMatchObject({
      code: 400,
      key: 'invalid_payload',
      details: expect.stringContaining('.price'),
    });
    await expect(sdk.products.create({ source_id: 'typed', price: -1 })).rejects.toMatchObject({ code: 400 });
    await expect(sdk.products.create({ source_id: 'typed', price: 9.99 })).rejects.toMatchObject({ code: 400 });
    await expect(sdk.products.create({ source_id: 'typed', attributes: 'color' as never })).rejects.toMatchObject({
      code: 400,
    });
    await expect(sdk.products.create({ source_id: 'x'.repeat(501) })).rejects.toMatchObject({ code: 400 });
    expect((await sdk.products.list()).total).toBe(0);

    const product = loose(await sdk.products.create({ source_id: 'typed' }));
    await expect(sdk.products.createSku(product.id, { sku: 'S', price: '5' as never })).rejects.toMatchObject({
      code: 400,
      key: 'invalid_payload',
    });
    await expect(sdk.products.update({ id: product.id, price: 'free' as never })).rejects.toMatchObject({ code: 400 });
    expect(loose(await sdk.products.listSkus(product.id)).total).toBe(0);
  });

  it("answers 404 for unknown products and SKUs and for another project's", async () => {
    const sdk = server.sdk();
    const mine = loose(await sdk.products.create({ source_id: 'private-product' }));
    const mySku = loose(await sdk.products.createSku(mine.id, { sku: 'S', source_id: 'private-sku' }));
    const theirs = server.sdk(server.otherProject);
    await expect(theirs.products.get(mine.id)).rejects.toMatchObject({ code: 404, key: 'not_found' });
    await expect(theirs.products.get('private-product')).rejects.toMatchObject({ code: 404 });
    await expect(theirs.products.update({ id: mine.id, name: 'hijacked' })).rejects.toMatchObject({ code: 404 });
    await expect(theirs.products.delete(mine.id, { force: true })).rejects.toMatchObject({ code: 404 });
    await expect(theirs.products.getSku(mySku.id)).rejects.toMatchObject({ code: 404 });
    await expect(theirs.products.listSkus(mine.id)).rejects.toMatchObject({ code: 404 });
    await expect(theirs.products.createSku(mine.id, { sku: 'x' })).rejects.toMatchObject({ code: 404 });
    await expect(theirs.products.deleteSku(mine.id, mySku.id, { force: true })).rejects.toMatchObject({ code: 404 });
    await expect(theirs.products.create({ id: mine.id, name: 'hijacked' } as never)).rejects.toMatchObject({
      code: 404,
    });
    expect(loose(await sdk.products.get(mine.id)).name).toBeNull();
    const twin = loose(await theirs.products.create({ source_id: 'private-product' }));
    expect(twin.id).not.toBe(mine.id);
    const twinSku = loose(await theirs.products.createSku(twin.id, { sku: 'S', source_id: 'private-sku' }));
    expect(twinSku.id).not.toBe(mySku.id);
    expect(loose(await sdk.products.getSku('private-sku')).id).toBe(mySku.id);

    await expect(sdk.products.get('nothing')).rejects.toMatchObject({
      code: 404,
      key: 'not_found',
      message: 'Resource not found',
      details: 'Cannot find product with id nothing',
    });
    await expect(sdk.products.getSku('nothing')).rejects.toMatchObject({
      details: 'Cannot find sku with id nothing',
    });
    await expect(sdk.products.updateSku(mine.id, { id: 'sku_nothing', sku: 'x' } as never)).rejects.toMatchObject({
      code: 404,
    });
  });

  it('creates one product from 20 parallel creates of one new source_id', async () => {
    const project = await server.createProject();
    const sdk = server.sdk(project);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => sdk.products.create({ source_id: 'contended', name: `Racer ${i % 2}` })),
    );
    const ids = new Set(results.map((r) => r.id));
    expect(ids.size).toBe(1);
    const list = await sdk.products.list({ limit: 100 });
    expect(list.total).toBe(1);

    const product = list.products[0] as { id: string };
    const skus = await Promise.all(
      Array.from({ length: 20 }, () => sdk.products.createSku(product.id, { sku: 'S', source_id: 'contended-sku' })),
    );
    expect(new Set(skus.map((s) => s.id)).size).toBe(1);
    expect(loose(await sdk.products.listSkus(product.id)).total).toBe(1);
  });
});
