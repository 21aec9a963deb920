import type { HTTPMethods } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssuedKey } from '../../src/app/projects/create-api-key.js';
import { TEST_DATABASES } from '../support/databases.js';
import {
  type ApiRoute,
  countRows,
  errorShapeProblems,
  type KeyKind,
  type RouteTable,
  readRouteTable,
  sampleValue,
  urlFor,
} from '../support/route-table.js';
import {
  startTestServer,
  type TestProject,
  type TestServer,
  TRUSTED_ORIGIN,
  waitForAsyncAction,
} from '../support/test-server.js';

type Kind = Exclude<KeyKind, 'public'>;

const HEADER_NAMES: Record<Kind, [string, string]> = {
  server: ['x-app-id', 'x-app-token'],
  client: ['x-client-application-id', 'x-client-token'],
  management: ['x-management-id', 'x-management-token'],
};
const KINDS: Kind[] = ['server', 'client', 'management'];

/** A key pair written into the headers of `kind`, whatever kind of key it really is. */
function keyHeaders(kind: Kind, key: IssuedKey, origin: string | null = TRUSTED_ORIGIN): Record<string, string> {
  const [idHeader, tokenHeader] = HEADER_NAMES[kind];
  return { [idHeader]: key.app_id, [tokenHeader]: key.app_token, ...(kind === 'client' && origin ? { origin } : {}) };
}

/** The objects whose ids must be invisible to another project, whenever their routes exist. */
const REQUIRED_ISOLATION = ['customerId', 'productId', 'orderId', 'productCollectionId', 'categoryId'];

describe.each(TEST_DATABASES)('authentication and project isolation of every route on $name', (database) => {
  let server: TestServer;
  let table: RouteTable;
  let open: TestProject;
  let protectedRoutes: (ApiRoute & { keyKind: Kind })[];

  beforeAll(async () => {
    server = await startTestServer(database);
    table = readRouteTable(server.app);
    protectedRoutes = table.routes.filter((r): r is ApiRoute & { keyKind: Kind } => r.keyKind !== 'public');
    open = await server.createProject({
      client_redeem_enabled: true,
      client_publish_enabled: true,
      client_list_vouchers_enabled: true,
      client_create_customer_enabled: true,
      client_loyalty_events_enabled: true,
      client_set_voucher_expiration_date_enabled: true,
    });
  });
  afterAll(() => server?.close());

  const keyOf = (kind: Kind, project: TestProject = server.project): IssuedKey =>
    kind === 'server' ? project.serverKey : kind === 'client' ? project.clientKey : server.management;

  const send = (route: ApiRoute, headers: Record<string, string>, url = route.sampleUrl, payload?: unknown) =>
    server.app.inject({
      method: route.method as HTTPMethods,
      url,
      headers: payload === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
    });

  /** Sends every case and collects what went wrong, so one run reports every failing route. */
  async function problemsOf(
    cases: { route: ApiRoute; label: string; headers: Record<string, string>; status: number; key: string }[],
  ): Promise<string[]> {
    const problems: string[] = [];
    for (const c of cases) {
      const answer = await send(c.route, c.headers);
      for (const p of errorShapeProblems(answer, c.status, c.key)) {
        problems.push(`${c.route.method} ${c.route.pattern} (${c.label}): ${p}`);
      }
    }
    return problems;
  }

  it('finds the server, client and management routes', () => {
    const kinds = new Set(protectedRoutes.map((r) => r.keyKind));
    expect([...kinds].sort()).toEqual(['client', 'management', 'server']);
    expect(protectedRoutes.map((r) => `${r.method} ${r.pattern}`)).toEqual(
      expect.arrayContaining([
        'GET /v1/customers/:customerId',
        'POST /client/v1/customers',
        'DELETE /management/v1/projects/:projectId',
      ]),
    );
  });

  it('answers 401 unauthorized without a key, with a wrong secret or with an unknown key', async () => {
    const cases = protectedRoutes.flatMap((route) => {
      const key = keyOf(route.keyKind);
      return [
        { route, label: 'no key', headers: {}, status: 401, key: 'unauthorized' },
        {
          route,
          label: 'id without secret',
          headers: { [HEADER_NAMES[route.keyKind][0]]: key.app_id, origin: TRUSTED_ORIGIN },
          status: 401,
          key: 'unauthorized',
        },
        {
          route,
          label: 'wrong secret',
          headers: keyHeaders(route.keyKind, { app_id: key.app_id, app_token: `${key.app_token}x` }),
          status: 401,
          key: 'unauthorized',
        },
        {
          route,
          label: 'unknown key',
          headers: keyHeaders(route.keyKind, { app_id: 'no-such-app', app_token: key.app_token }),
          status: 401,
          key: 'unauthorized',
        },
      ];
    });
    expect(await problemsOf(cases)).toEqual([]);
  });

  it('answers 401 to a valid key of another kind, in either kind of headers', async () => {
    const cases = protectedRoutes.flatMap((route) =>
      KINDS.filter((kind) => kind !== route.keyKind).flatMap((kind) => [
        {
          route,
          label: `${kind} key in ${route.keyKind} headers`,
          headers: keyHeaders(route.keyKind, keyOf(kind)),
          status: 401,
          key: 'unauthorized',
        },
        {
          route,
          label: `${kind} key in its own headers`,
          headers: keyHeaders(kind, keyOf(kind)),
          status: 401,
          key: 'unauthorized',
        },
      ]),
    );
    expect(cases.length).toBeGreaterThan(0);
    expect(await problemsOf(cases)).toEqual([]);
  });

  it('answers 403 forbidden to the client key from an origin the project does not trust', async () => {
    const origins = [null, 'https://evil.example.net', 'https://shop.example.com.evil.net', 'http://shop.example.com'];
    const cases = protectedRoutes
      .filter((route) => route.keyKind === 'client')
      .flatMap((route) =>
        origins.map((origin) => ({
          route,
          label: `origin ${origin ?? '(none)'}`,
          headers: keyHeaders('client', keyOf('client'), origin),
          status: 403,
          key: 'forbidden',
        })),
      );
    expect(cases.length).toBeGreaterThan(0);
    expect(await problemsOf(cases)).toEqual([]);
  });

  it('lets the right key through to the route', async () => {
    const problems: string[] = [];
    for (const route of protectedRoutes) {
      // A null body fails every body schema, and placeholder ids name nothing: nothing is written.
      const answer = await send(route, keyHeaders(route.keyKind, keyOf(route.keyKind, open)), route.sampleUrl, null);
      if ([401, 403].includes(answer.statusCode) || answer.statusCode >= 500) {
        problems.push(`${route.method} ${route.pattern}: ${answer.statusCode} ${answer.body.slice(0, 200)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  /** Creates one object per id parameter in the main project, through the routes that exist. */
  const seedFailures: string[] = [];

  async function seedObjects(): Promise<Record<string, string>> {
    const ids: Record<string, string> = {};
    const headers = server.serverHeaders();
    const has = (method: string, pattern: string) =>
      table.routes.some((r) => r.method === method && r.pattern === pattern);
    const create = async (pattern: string, bodies: unknown[], values: Record<string, string> = {}) => {
      for (const body of bodies) {
        const answer = await server.app.inject({
          method: 'POST',
          url: urlFor({ pattern }, values),
          headers: { ...headers, 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        });
        const created = answer.json() as { id?: string; async_action_id?: string };
        if (answer.statusCode < 300) return created.id ?? created.async_action_id;
        seedFailures.push(`POST ${pattern} ${JSON.stringify(body)}: ${answer.statusCode} ${answer.body.slice(0, 300)}`);
      }
      return undefined;
    };
    const put = (param: string, id: string | undefined) => {
      if (id !== undefined) ids[param] = id;
    };

    put('customerId', await create('/v1/customers', [{ source_id: 'isolated-customer', name: 'Isolated' }]));
    if (has('POST', '/v1/products')) {
      put(
        'productId',
        await create('/v1/products', [
          { source_id: 'isolated-product', name: 'Isolated', price: 1000, attributes: ['size'] },
        ]),
      );
    }
    if (ids.productId && has('POST', '/v1/products/:productId/skus')) {
      put(
        'skuId',
        await create('/v1/products/:productId/skus', [{ source_id: 'isolated-sku', sku: 'Isolated', price: 900 }], {
          productId: ids.productId,
        }),
      );
    }
    if (has('POST', '/v1/orders')) {
      put(
        'orderId',
        await create('/v1/orders', [
          { source_id: 'isolated-order', amount: 1000, customer: { source_id: 'isolated-customer' } },
          { amount: 1000 },
        ]),
      );
    }
    if (has('POST', '/v1/product-collections')) {
      put(
        'productCollectionId',
        await create('/v1/product-collections', [
          ...(ids.productId
            ? [{ type: 'STATIC', name: 'Isolated', products: [{ id: ids.productId, object: 'product' }] }]
            : []),
          {
            type: 'AUTO_UPDATE',
            name: 'Isolated auto',
            filter: { junction: 'and', name: { conditions: { $is: ['x'] } } },
          },
          { type: 'STATIC', name: 'Isolated empty', products: [] },
        ]),
      );
    }
    if (has('POST', '/v1/categories'))
      put('categoryId', await create('/v1/categories', [{ name: 'Isolated', hierarchy: 1 }]));
    const queued = await create('/v1/customers/metadata/async', [
      { source_ids: ['isolated-customer'], metadata: { seen: true } },
    ]);
    // Finished before any row is counted, so the worker changes nothing behind the test's back.
    if (queued) await waitForAsyncAction(server, queued);
    put('asyncActionId', queued);

    // Resources added later: try the create route beside the GET route, with the smallest valid body.
    for (const route of table.routes) {
      const param = route.params.at(-1);
      if (route.method !== 'GET' || route.keyKind !== 'server' || !param || ids[param]) continue;
      const collection = route.pattern.slice(0, route.pattern.lastIndexOf('/'));
      const creator = table.routes.find((r) => r.method === 'POST' && r.pattern === collection);
      if (!creator?.body || !creator.params.every((p) => ids[p])) continue;
      put(param, await create(collection, [sampleValue(creator.body)], ids));
    }
    return ids;
  }

  it("answers 404 to another project's key for every object of this project, and changes nothing", async () => {
    const ids = await seedObjects();
    const idRoutes = protectedRoutes.filter((r) => r.keyKind === 'server' && r.params.length > 0);
    for (const param of REQUIRED_ISOLATION) {
      if (idRoutes.some((r) => r.method === 'GET' && r.params.includes(param))) {
        expect(ids, seedFailures.join('\n')).toHaveProperty(param);
      }
    }
    const before = await countRows(server.store);
    const problems: string[] = [];
    const covered: string[] = [];
    for (const route of idRoutes) {
      if (!route.params.every((p) => ids[p])) continue;
      covered.push(`${route.method} ${route.pattern}`);
      const url = urlFor(route, ids);
      const payload = route.body ? sampleValue(route.body) : undefined;
      const theirs = await send(route, server.serverHeaders(server.otherProject), url, payload);
      const allowed = route.method === 'GET' || route.method === 'DELETE' ? [404] : [404, 400];
      if (!allowed.includes(theirs.statusCode)) {
        problems.push(`${route.method} ${route.pattern} as the other project: ${theirs.statusCode} ${theirs.body}`);
      } else {
        problems.push(...errorShapeProblems(theirs, theirs.statusCode).map((p) => `${route.pattern}: ${p}`));
      }
      if (route.method === 'GET') {
        const mine = await send(route, server.serverHeaders(), url);
        if (mine.statusCode === 404 || mine.statusCode >= 500) {
          problems.push(`GET ${route.pattern} as the owner: ${mine.statusCode} ${mine.body.slice(0, 200)}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(covered).toEqual(
      expect.arrayContaining(['GET /v1/customers/:customerId', 'DELETE /v1/customers/:customerId']),
    );
    expect(await countRows(server.store)).toEqual(before);
  });

  it("never reaches another project's object by naming its id in a create", async () => {
    const mine = await server.app.inject({
      method: 'POST',
      url: '/v1/customers',
      headers: { ...server.serverHeaders(), 'content-type': 'application/json' },
      payload: { source_id: 'id-claimed', name: 'Mine' },
    });
    const id = (mine.json() as { id: string }).id;
    const before = await countRows(server.store, server.project.id);
    const theirs = await server.app.inject({
      method: 'POST',
      url: '/v1/customers',
      headers: { ...server.serverHeaders(server.otherProject), 'content-type': 'application/json' },
      payload: { id, name: 'Theirs' },
    });
    expect(theirs.statusCode).toBeLessThan(500);
    expect(await countRows(server.store, server.project.id)).toEqual(before);
    const again = await server.app.inject({
      method: 'GET',
      url: `/v1/customers/${id}`,
      headers: server.serverHeaders(),
    });
    expect(again.json()).toMatchObject({ id, name: 'Mine', source_id: 'id-claimed' });
  });
});
