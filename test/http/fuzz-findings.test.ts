import type { HTTPMethods } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { countRows, errorShapeProblems } from '../support/route-table.js';
import { startTestServer, type TestProject, type TestServer } from '../support/test-server.js';

/**
 * What the schema fuzzer (schema-fuzz.test.ts) found, each kept fixed by the smallest request
 * that showed it: a 500 or a refusal that still changed the store.
 */
describe.each(TEST_DATABASES)('what the schema fuzzer found, kept fixed, on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server?.close());

  const send = (project: TestProject, method: HTTPMethods, url: string, payload?: unknown, contentType?: string) =>
    server.app.inject({
      method,
      url,
      headers: { ...server.serverHeaders(project), ...(contentType ? { 'content-type': contentType } : {}) },
      ...(payload === undefined ? {} : { payload: payload as string }),
    });

  it('answers 400 to a CSV upload whose multipart body has no boundary or ends too soon', async () => {
    const project = await server.createProject();
    const before = await countRows(server.store, project.id);
    const cut = [
      '--fuzz',
      'Content-Disposition: form-data; name="file"; filename="cut.csv"',
      'Content-Type: text/csv',
      '',
      'source_id,name',
      '--fu',
    ].join('\r\n');
    const problems: string[] = [];
    for (const url of [
      '/v1/customers/importCSV',
      '/v1/products/importCSV',
      '/v1/skus/importCSV',
      '/v1/vouchers/importCSV',
    ]) {
      const noBoundary = await send(project, 'POST', url, 'source_id,name\nc1,Jane', 'multipart/form-data');
      problems.push(...errorShapeProblems(noBoundary, 400, 'invalid_payload').map((p) => `${url} no boundary: ${p}`));
      const endsEarly = await send(project, 'POST', url, cut, 'multipart/form-data; boundary=fuzz');
      problems.push(...errorShapeProblems(endsEarly, 400, 'invalid_payload').map((p) => `${url} cut short: ${p}`));
    }
    expect(problems).toEqual([]);
    expect(await countRows(server.store, project.id)).toEqual(before);
  });

  it('refuses an empty source_id with 400, so a second object can never collide on it', async () => {
    const project = await server.createProject();
    const product = (await send(project, 'POST', '/v1/products', { source_id: 'p1', name: 'P' })).json<{
      id: string;
    }>();
    const requests: [string, unknown][] = [
      ['/v1/customers', { source_id: '' }],
      ['/v1/orders', { source_id: '' }],
      ['/v1/orders', { customer: { source_id: '' } }],
      ['/v1/orders', { referrer: { source_id: '' } }],
      ['/v1/orders', { items: [{ product: { source_id: '' }, quantity: 1, price: 5 }] }],
      ['/v1/products', { source_id: '', name: 'P' }],
      [`/v1/products/${product.id}/skus`, { source_id: '' }],
      ['/v1/customers/bulk/async', [{ source_id: '' }]],
      ['/v1/products/bulk/async', [{ source_id: '' }]],
      ['/v1/orders/import', [{ source_id: '' }]],
    ];
    const before = await countRows(server.store, project.id);
    const problems: string[] = [];
    // Twice each: the 500 came from the second object claiming the empty source_id.
    for (const [url, body] of [...requests, ...requests]) {
      const answer = await send(project, 'POST', url, JSON.stringify(body), 'application/json');
      problems.push(
        ...errorShapeProblems(answer, 400, 'invalid_payload').map((p) => `${url} ${JSON.stringify(body)}: ${p}`),
      );
    }
    expect(problems).toEqual([]);
    expect(await countRows(server.store, project.id)).toEqual(before);
  });

  it('names the retry in request_id when it replays a refused redemption for the same Idempotency-Key', async () => {
    const project = await server.createProject();
    await send(project, 'POST', '/v1/vouchers/FIND-OFF', {
      type: 'DISCOUNT_VOUCHER',
      discount: { type: 'AMOUNT', amount_off: 100 },
      active: false,
    });
    const redeem = () =>
      server.app.inject({
        method: 'POST',
        url: '/v1/vouchers/FIND-OFF/redemption',
        headers: { ...server.serverHeaders(project), 'idempotency-key': 'refused-once' },
        payload: {},
      });
    const first = await redeem();
    const before = await countRows(server.store, project.id);
    const retry = await redeem();
    for (const answer of [first, retry]) expect(errorShapeProblems(answer, 400, 'voucher_disabled')).toEqual([]);
    const { request_id: firstRequest, ...firstError } = first.json<{ request_id: string }>();
    const { request_id: retryRequest, ...retryError } = retry.json<{ request_id: string }>();
    expect(retryError).toEqual(firstError);
    expect(retryRequest).not.toBe(firstRequest);
    expect(await countRows(server.store, project.id)).toEqual(before);
  });

  it('draws a voucher image only for the exact link, not for another spelling of its signature', async () => {
    const project = await server.createProject();
    const voucher = (
      await send(project, 'POST', '/v1/vouchers/FIND-IMAGE', {
        type: 'DISCOUNT_VOUCHER',
        discount: { type: 'AMOUNT', amount_off: 100 },
      })
    ).json<{ assets: { qr: { url: string } } }>();
    const path = new URL(voucher.assets.qr.url).pathname;
    // The last of 43 base64url characters carries two unused bits: these spellings decode alike.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(path.slice(-1));
    const twins = [1, 2, 3].map((flip) => `${path.slice(0, -1)}${alphabet[(last & ~3) | ((last + flip) & 3)]}`);
    expect((await server.app.inject({ method: 'GET', url: path })).statusCode).toBe(200);
    for (const twin of twins) {
      expect(errorShapeProblems(await server.app.inject({ method: 'GET', url: twin }), 404, 'not_found')).toEqual([]);
    }
  });

  it('stores or changes no customer when a validation is refused for an order naming a missing SKU', async () => {
    const project = await server.createProject();
    const created = await send(project, 'POST', '/v1/vouchers/FIND-1', {
      type: 'DISCOUNT_VOUCHER',
      discount: { type: 'AMOUNT', amount_off: 100 },
    });
    expect(created.statusCode).toBe(200);
    const before = await countRows(server.store, project.id);
    const answer = await send(project, 'POST', '/v1/vouchers/FIND-1/validate', {
      customer: { source_id: 'new-customer', name: 'New' },
      order: { items: [{ sku_id: 'sku_missing', quantity: 1, price: 100 }] },
    });
    expect(errorShapeProblems(answer, 404, 'not_found')).toEqual([]);
    expect(await countRows(server.store, project.id)).toEqual(before);
    expect((await send(project, 'GET', '/v1/customers/new-customer')).statusCode).toBe(404);

    await send(project, 'POST', '/v1/customers', { source_id: 'known-customer', name: 'Old' });
    const refused = await send(project, 'POST', '/v1/vouchers/FIND-1/validate', {
      customer: { source_id: 'known-customer', name: 'Changed' },
      order: { items: [{ sku_id: 'sku_missing', quantity: 1, price: 100 }] },
    });
    expect(refused.statusCode).toBe(404);
    expect((await send(project, 'GET', '/v1/customers/known-customer')).json()).toMatchObject({ name: 'Old' });
  });
});
