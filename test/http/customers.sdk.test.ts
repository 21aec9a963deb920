import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTempCsv } from '../support/csv-files.js';
import { TEST_DATABASES } from '../support/databases.js';
import { loose } from '../support/loose.js';
import { startTestServer, type TestServer, waitForAsyncAction } from '../support/test-server.js';
import { expectConformsToSpec } from '../support/voucherify-spec.js';

describe.each(TEST_DATABASES)('customers through the official SDK on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server?.close());

  it('creates a customer, upserts it by source_id and reads it by id and by source_id', async () => {
    const sdk = server.sdk();
    const created = loose(
      await sdk.customers.create({
        source_id: 'alice@example.com',
        name: 'Alice',
        email: 'alice@example.com',
        address: { city: 'Warsaw', line_1: 'Marszałkowska 1' },
        metadata: { tier: 'gold', visits: 3 },
      }),
    );
    expectConformsToSpec('post', '/v1/customers', 200, created);
    expect(created).toMatchObject({
      object: 'customer',
      source_id: 'alice@example.com',
      name: 'Alice',
      address: { city: 'Warsaw', line_1: 'Marszałkowska 1', state: null },
      metadata: { tier: 'gold', visits: 3 },
    });
    expect(created.id).toMatch(/^cust_/);

    const upserted = loose(await sdk.customers.create({ source_id: 'alice@example.com', phone: '+48 600 000 000' }));
    expect(upserted.id).toBe(created.id);
    expect(upserted).toMatchObject({ name: 'Alice', phone: '+48 600 000 000' });
    expect(upserted.updated_at).not.toBeNull();

    const byId = loose(await sdk.customers.get(created.id as string));
    const bySourceId = loose(await sdk.customers.get('alice@example.com'));
    expectConformsToSpec('get', '/v1/customers/{customerId}', 200, byId);
    expect(bySourceId).toEqual(byId);
  });

  it('updates by id or by source_id, leaving other fields as they were', async () => {
    const sdk = server.sdk();
    const created = loose(
      await sdk.customers.create({ source_id: 'bob', name: 'Bob', address: { city: 'Paris', country: 'FR' } }),
    );
    const renamed = loose(await sdk.customers.update({ id: created.id as string, name: 'Robert' }));
    expectConformsToSpec('put', '/v1/customers/{customerId}', 200, renamed);
    expect(renamed).toMatchObject({ name: 'Robert', source_id: 'bob', address: { city: 'Paris', country: 'FR' } });
    const moved = loose(await sdk.customers.update({ source_id: 'bob', address: { city: 'Lyon' } }));
    expect(moved.address).toMatchObject({ city: 'Lyon', country: 'FR' });
    const cleared = loose(await sdk.customers.update({ source_id: 'bob', name: null as unknown as string }));
    expect(cleared.name).toBeUndefined();
  });

  it('lists with paging, filters, order and the scroll cursor', async () => {
    const sdk = server.sdk(await server.createProject());
    for (let i = 0; i < 7; i++) {
      await sdk.customers.create({
        source_id: `list-${i}`,
        email: i % 2 === 0 ? 'even@example.com' : `odd${i}@example.com`,
      });
    }
    const first = await sdk.customers.list({ limit: 3, page: 1 });
    expectConformsToSpec('get', '/v1/customers', 200, first);
    expect(first).toMatchObject({ object: 'list', data_ref: 'customers', total: 7, has_more: true });
    expect(first.customers).toHaveLength(3);
    const third = await sdk.customers.list({ limit: 3, page: 3 });
    expect(third.customers).toHaveLength(1);
    expect(third.has_more).toBe(false);

    const evens = await sdk.customers.list({ email: 'even@example.com' });
    expect(evens.customers.map((c) => c.source_id).sort()).toEqual(['list-0', 'list-2', 'list-4', 'list-6']);

    const ascending = await sdk.customers.list({ order: 'created_at', limit: 100 });
    const descending = await sdk.customers.list({ order: '-created_at', limit: 100 });
    expect(ascending.customers.map((c) => c.id)).toEqual(descending.customers.map((c) => c.id).reverse());

    const scrolled: string[] = [];
    for await (const customer of sdk.customers.scroll({ limit: 2 }) as AsyncIterable<{ source_id?: string }>) {
      scrolled.push(customer.source_id as string);
    }
    expect(new Set(scrolled).size).toBeGreaterThanOrEqual(1);
    expect(scrolled.every((id) => id.startsWith('list-'))).toBe(true);
  });

  it('deletes, and forgets permanently with the orders that name the customer', async () => {
    const sdk = server.sdk();
    const doomed = loose(await sdk.customers.create({ source_id: 'doomed' }));
    await sdk.customers.delete(doomed.id as string);
    await expect(sdk.customers.get(doomed.id as string)).rejects.toMatchObject({ code: 404, key: 'not_found' });

    const forgotten = loose(await sdk.customers.create({ source_id: 'forgotten' }));
    const deletion = loose(await sdk.customers.deletePermanently('forgotten'));
    expectConformsToSpec('post', '/v1/customers/{customerId}/permanent-deletion', 200, deletion);
    expect(deletion).toMatchObject({
      related_object_id: forgotten.id,
      related_object: 'customer',
      status: 'DONE',
      object: 'pernament_deletion',
      data_json: { customer: 1 },
    });
    await expect(sdk.customers.get('forgotten')).rejects.toMatchObject({ code: 404 });
  });

  it('updates in bulk and merges metadata in bulk through async actions', async () => {
    const sdk = server.sdk();
    await sdk.customers.create({ source_id: 'bulk-1', name: 'One', metadata: { keep: true } });
    const bulk = await sdk.customers.updateInBulk([
      { source_id: 'bulk-1', name: 'One updated' },
      { source_id: 'bulk-2', name: 'Two created' },
    ]);
    expect(bulk.async_action_id).toMatch(/^aa_/);
    const done = await waitForAsyncAction(server, bulk.async_action_id);
    expectConformsToSpec('get', '/v1/async-actions/{asyncActionId}', 200, done);
    expect(done).toMatchObject({
      status: 'DONE',
      type: 'CUSTOMERS.BULK_UPDATE',
      operation_status: 'SUCCESS',
      progress: 100,
    });
    expect(loose(await sdk.customers.get('bulk-1')).name).toBe('One updated');
    expect(loose(await sdk.customers.get('bulk-2')).name).toBe('Two created');

    const metadata = await sdk.customers.updateMetadataInBulk({
      source_ids: ['bulk-1', 'bulk-2'],
      metadata: { vip: true },
    });
    await waitForAsyncAction(server, metadata.async_action_id);
    expect(loose(await sdk.customers.get('bulk-1')).metadata).toEqual({ keep: true, vip: true });
    expect(loose(await sdk.customers.get('bulk-2')).metadata).toEqual({ vip: true });

    const list = await sdk.asyncActions.list({ limit: 10 });
    expectConformsToSpec('get', '/v1/async-actions', 200, list);
    expect(list.async_actions.map((a) => a.id)).toContain(bulk.async_action_id);

    // The list pages by cursor: more_starting_after names where the next page starts.
    const first = loose(await sdk.asyncActions.list({ limit: 1 }));
    expect(first).toMatchObject({ has_more: true, more_starting_after: first.async_actions[0].id });
    const next = loose(
      await sdk.asyncActions.list({ limit: 1, starting_after_id: first.more_starting_after } as never),
    );
    expect(next.async_actions[0].id).not.toBe(first.async_actions[0].id);
  });

  it('imports customers from a CSV file, extra columns becoming metadata', async () => {
    const sdk = server.sdk();
    const file = writeTempCsv(
      'customers',
      'Source_id,Name,Email,Address_City,Favourite_Color\ncsv-1,Carla,carla@example.com,Berlin,green\ncsv-2,Dan,,Rome,\n',
    );
    const queued = await sdk.customers.importCSV(file);
    const done = await waitForAsyncAction(server, queued.async_action_id);
    expect(done).toMatchObject({ status: 'DONE', type: 'CUSTOMERS.IMPORT_CSV' });
    const carla = loose(await sdk.customers.get('csv-1'));
    expect(carla).toMatchObject({
      name: 'Carla',
      email: 'carla@example.com',
      address: { city: 'Berlin' },
      metadata: { Favourite_Color: 'green' },
    });
    expect(loose(await sdk.customers.get('csv-2')).metadata).toEqual({});
  });

  it("answers 404 for an unknown customer and for another project's customer", async () => {
    const mine = loose(await server.sdk().customers.create({ source_id: 'private' }));
    const theirs = server.sdk(server.otherProject);
    await expect(theirs.customers.get(mine.id as string)).rejects.toMatchObject({ code: 404, key: 'not_found' });
    await expect(theirs.customers.get('private')).rejects.toMatchObject({ code: 404 });
    await expect(theirs.customers.delete(mine.id as string)).rejects.toMatchObject({ code: 404 });
    await expect(server.sdk().customers.get('nobody')).rejects.toMatchObject({
      code: 404,
      key: 'not_found',
      message: 'Resource not found',
      details: 'Cannot find customer with id nobody',
    });
  });

  it('lets a storefront create a customer only where the project allows it', async () => {
    const closed = server.clientSdk();
    await expect(closed.createCustomer({ source_id: 'shopper' })).rejects.toMatchObject({ code: 403 });
    const open = await server.createProject({ client_create_customer_enabled: true });
    const created = await server.clientSdk(open).createCustomer({ source_id: 'shopper', name: 'Shopper' });
    expect(created).toMatchObject({ object: 'customer', source_id: 'shopper', name: 'Shopper' });
  });
});
