import VoucherifySdk from '@voucherify/sdk';
import type { HTTPMethods } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { type Loose, loose } from '../support/loose.js';
import { countRows, errorShapeProblems, type InjectedAnswer } from '../support/route-table.js';
import { startTestServer, type TestServer, waitForAsyncAction } from '../support/test-server.js';
import { expectConformsToSpec } from '../support/voucherify-spec.js';

const { VoucherifyServerSide, VoucherifyClientSide } = VoucherifySdk;

const PROJECTS = '/management/v1/projects';
const PROJECT = '/management/v1/projects/{projectId}';
const SHOP = 'https://checkout.example.org';

describe.each(TEST_DATABASES)('management projects API on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server?.close());

  const call = (method: HTTPMethods, url: string, body?: unknown) =>
    server.app.inject({
      method,
      url,
      headers: { ...server.managementHeaders(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
  const json = (answer: InjectedAnswer): Loose => loose(JSON.parse(answer.body));
  const expectError = (answer: InjectedAnswer, status: number, key?: string) =>
    expect(errorShapeProblems(answer, status, key)).toEqual([]);

  const serverSdk = (key: Loose) =>
    VoucherifyServerSide({ applicationId: key.app_id, secretKey: key.app_token, apiUrl: server.url });
  const clientSdk = (key: Loose, origin: string) =>
    VoucherifyClientSide({
      clientApplicationId: key.app_id,
      clientSecretKey: key.app_token,
      apiUrl: server.url,
      origin,
    });

  async function createProject(body: Record<string, unknown>): Promise<Loose> {
    const answer = await call('POST', PROJECTS, body);
    expect(answer.statusCode, answer.body).toBe(200);
    return json(answer);
  }

  it('creates a project whose keys work at once, the client key from its trusted domain only', async () => {
    const created = await createProject({
      name: 'Storefront',
      description: 'The shop',
      timezone: 'Europe/Warsaw',
      currency: 'PLN',
      client_trusted_domains: [SHOP],
      client_create_customer_enabled: true,
    });
    expectConformsToSpec('post', PROJECTS, 200, created);
    expect(created).toMatchObject({
      object: 'project',
      name: 'Storefront',
      description: 'The shop',
      timezone: 'Europe/Warsaw',
      currency: 'PLN',
      client_trusted_domains: [SHOP],
      client_create_customer_enabled: true,
      client_redeem_enabled: false,
      updated_at: null,
    });
    expect(created.id).toMatch(/^proj_/);
    expect(created.server_side_key).toEqual({ app_id: expect.any(String), app_token: expect.any(String) });
    expect(created.client_side_key).toEqual({ app_id: expect.any(String), app_token: expect.any(String) });

    const customer = loose(
      await serverSdk(created.server_side_key).customers.create({ source_id: 'first', name: 'First' }),
    );
    expect(customer).toMatchObject({ object: 'customer', source_id: 'first' });
    const fromShop = loose(await clientSdk(created.client_side_key, SHOP).createCustomer({ source_id: 'shopper' }));
    expect(fromShop).toMatchObject({ object: 'customer', source_id: 'shopper' });
    await expect(
      clientSdk(created.client_side_key, 'https://elsewhere.example.net').createCustomer({ source_id: 'x' }),
    ).rejects.toMatchObject({ code: 403, key: 'forbidden' });

    // The new project's objects are its own: the test server's project does not see them.
    await expect(server.sdk().customers.get(customer.id as string)).rejects.toMatchObject({ code: 404 });
    // Secrets are shown once: reads never carry the keys.
    const read = json(await call('GET', `${PROJECTS}/${created.id}`));
    expect(read).not.toHaveProperty('server_side_key');
    expect(read).not.toHaveProperty('client_side_key');
  });

  it('lists, gets and updates projects', async () => {
    const created = await createProject({ name: 'Listed' });
    const list = await call('GET', `${PROJECTS}?limit=100`);
    expect(list.statusCode).toBe(200);
    const body = json(list);
    expectConformsToSpec('get', PROJECTS, 200, body);
    expect(body).toMatchObject({ object: 'list', data_ref: 'data', total: expect.any(Number) });
    expect(body.total).toBe(body.data.length);
    expect(body.data.map((p: Loose) => p.id)).toEqual(expect.arrayContaining([created.id, server.project.id]));
    expect(json(await call('GET', `${PROJECTS}?limit=1&page=2`)).data).toHaveLength(1);

    const got = await call('GET', `${PROJECTS}/${created.id}`);
    expect(got.statusCode).toBe(200);
    expectConformsToSpec('get', PROJECT, 200, json(got));
    expect(json(got)).toMatchObject({ id: created.id, name: 'Listed', timezone: 'UTC', currency: 'USD' });

    const updated = await call('PUT', `${PROJECTS}/${created.id}`, {
      name: 'Renamed',
      timezone: 'America/New_York',
      currency: 'EUR',
      client_redeem_enabled: true,
      client_publish_enabled: true,
      description: null,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expectConformsToSpec('put', PROJECT, 200, json(updated));
    expect(json(updated)).toMatchObject({
      id: created.id,
      name: 'Renamed',
      timezone: 'America/New_York',
      currency: 'EUR',
      client_redeem_enabled: true,
      client_publish_enabled: true,
      client_list_vouchers_enabled: false,
      description: null,
      updated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(json(await call('GET', `${PROJECTS}/${created.id}`))).toEqual(json(updated));
  });

  it('applies a change of trusted domains and client switches to the client key at once', async () => {
    const created = await createProject({ name: 'Moving shop', client_trusted_domains: [SHOP] });
    const key = created.client_side_key;
    await expect(clientSdk(key, SHOP).createCustomer({ source_id: 'a' })).rejects.toMatchObject({ code: 403 });

    const moved = await call('PUT', `${PROJECTS}/${created.id}`, {
      client_trusted_domains: ['*.new-shop.example.com'],
      client_create_customer_enabled: true,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    await expect(clientSdk(key, SHOP).createCustomer({ source_id: 'b' })).rejects.toMatchObject({
      code: 403,
      key: 'forbidden',
    });
    const fromNewShop = loose(
      await clientSdk(key, 'https://www.new-shop.example.com').createCustomer({ source_id: 'c' }),
    );
    expect(fromNewShop.source_id).toBe('c');
  });

  it('deletes a project with its keys and everything it holds', async () => {
    const created = await createProject({ name: 'Doomed', client_trusted_domains: [SHOP] });
    const sdk = serverSdk(created.server_side_key);
    await sdk.customers.create({ source_id: 'doomed-customer' });
    const queued = await sdk.customers.updateMetadataInBulk({ source_ids: ['doomed-customer'], metadata: { x: 1 } });
    const asProject = { id: created.id, serverKey: created.server_side_key, clientKey: created.client_side_key };
    await waitForAsyncAction(server, queued.async_action_id, asProject);
    expect(Object.values(await countRows(server.store, created.id)).some((n) => n > 0)).toBe(true);
    const othersBefore = await countRows(server.store, server.project.id);

    const deleted = await call('DELETE', `${PROJECTS}/${created.id}`);
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');

    await expect(sdk.customers.list({})).rejects.toMatchObject({ code: 401, key: 'unauthorized' });
    await expect(clientSdk(created.client_side_key, SHOP).createCustomer({ source_id: 'x' })).rejects.toMatchObject({
      code: 401,
    });
    const left = await countRows(server.store, created.id);
    expect(Object.entries(left).filter(([, n]) => n > 0)).toEqual([]);
    expect(await countRows(server.store, server.project.id)).toEqual(othersBefore);
    expectError(await call('GET', `${PROJECTS}/${created.id}`), 404, 'not_found');
    expectError(await call('DELETE', `${PROJECTS}/${created.id}`), 404, 'not_found');
  });

  it('refuses an unknown time zone or currency, and wrong types, creating or changing nothing', async () => {
    const project = await createProject({ name: 'Strict' });
    const before = await countRows(server.store);
    const bad: Record<string, unknown>[] = [
      { name: 'x', timezone: 'Mars/Olympus_Mons' },
      { name: 'x', timezone: '' },
      { name: 'x', currency: 'XYZW' },
      { name: 'x', currency: 'usd' },
      { name: 'x', currency: 'QQQ' },
      { name: 'x', client_trusted_domains: 'https://shop.example.com' },
      { name: 'x', client_redeem_enabled: 'yes' },
      { name: 'x', webhook_version: 'v1999-01-01' },
      { name: 42 },
      { name: '' },
      {},
    ];
    for (const body of bad) {
      expectError(await call('POST', PROJECTS, body), 400, 'invalid_payload');
      const { name: _name, ...change } = body;
      if (Object.keys(change).length > 0) {
        expectError(await call('PUT', `${PROJECTS}/${project.id}`, change), 400, 'invalid_payload');
      }
    }
    expectError(await call('PUT', `${PROJECTS}/${project.id}`, { name: '' }), 400, 'invalid_payload');
    expectError(await call('PUT', `${PROJECTS}/${project.id}`, [{ name: 'x' }]), 400, 'invalid_payload');
    expect(await countRows(server.store)).toEqual(before);
    expect(json(await call('GET', `${PROJECTS}/${project.id}`))).toMatchObject({
      name: 'Strict',
      timezone: 'UTC',
      currency: 'USD',
    });
  });

  it('answers 404 for a project that does not exist', async () => {
    expectError(await call('GET', `${PROJECTS}/proj_nope`), 404, 'not_found');
    expectError(await call('PUT', `${PROJECTS}/proj_nope`, { name: 'x' }), 404, 'not_found');
    expectError(await call('DELETE', `${PROJECTS}/proj_nope`), 404, 'not_found');
  });
});
