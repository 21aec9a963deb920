import fc from 'fast-check';
import type { HTTPMethods } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { seedFuzzData } from '../support/fuzz-seed.js';
import { acceptedKinds, HOSTILE_STRINGS, hostileBody, wrongExamples } from '../support/hostile-values.js';
import {
  type ApiRoute,
  countRows,
  errorShapeProblems,
  type InjectedAnswer,
  type RouteTable,
  readRouteTable,
  type SchemaNode,
  sampleValue,
  urlFor,
} from '../support/route-table.js';
import { startTestServer, type TestProject, type TestServer, waitForAsyncAction } from '../support/test-server.js';

/** fast-check runs per route: enough to vary every property, few enough to stay fast on two cores. */
const RUNS = 150;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ONE_MIB = 1024 * 1024;

describe.each(TEST_DATABASES)('hostile input on every write route on $name', (database) => {
  let server: TestServer;
  let table: RouteTable;
  let writeRoutes: ApiRoute[];

  beforeAll(async () => {
    server = await startTestServer(database);
    table = readRouteTable(server.app);
    writeRoutes = table.routes.filter((r) => r.keyKind !== 'public' && WRITE_METHODS.has(r.method));
  });
  afterAll(() => server?.close());

  const headersFor = (route: ApiRoute, project: TestProject = server.project): Record<string, string> =>
    route.keyKind === 'client'
      ? server.clientHeaders(project)
      : route.keyKind === 'management'
        ? server.managementHeaders()
        : server.serverHeaders(project);

  const send = (
    route: ApiRoute,
    payload: string | undefined,
    contentType = 'application/json',
    url = route.sampleUrl,
    project?: TestProject,
  ): Promise<InjectedAnswer> =>
    server.app.inject({
      method: route.method as HTTPMethods,
      url,
      headers: { ...headersFor(route, project), ...(payload === undefined ? {} : { 'content-type': contentType }) },
      ...(payload === undefined ? {} : { payload }),
    });

  const label = (route: ApiRoute) => `${route.method} ${route.pattern}`;

  /** Runs `work` and fails if it changed the number of rows in any table. */
  async function expectStoreUnchanged(work: () => Promise<void>): Promise<void> {
    const before = await countRows(server.store);
    await work();
    expect(await countRows(server.store)).toEqual(before);
  }

  it('finds write routes of every kind of key', () => {
    expect(new Set(writeRoutes.map((r) => r.keyKind))).toEqual(new Set(['server', 'client', 'management']));
    expect(writeRoutes.filter((r) => r.body).length).toBeGreaterThan(3);
  });

  it('answers 400 invalid_payload to malformed JSON, and pollutes no prototype', async () => {
    const malformed = [
      '{"name": ',
      '{name: "x"}',
      '{"a": 1,}',
      "{'a': 1}",
      '[1, 2',
      'NaN',
      'undefined',
      '{"a": "\\x"}',
      '{"__proto__": {"polluted": true}}',
      '{"constructor": {"prototype": {"polluted": true}}}',
      '\u0000',
    ];
    await expectStoreUnchanged(async () => {
      const problems: string[] = [];
      for (const route of writeRoutes) {
        for (const text of malformed) {
          const answer = await send(route, text);
          problems.push(
            ...errorShapeProblems(answer, 400, 'invalid_payload').map((p) => `${label(route)} ${text}: ${p}`),
          );
        }
      }
      expect(problems).toEqual([]);
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers 400 to a body of the wrong shape: an array for an object, an object for an array, scalars', async () => {
    await expectStoreUnchanged(async () => {
      const problems: string[] = [];
      for (const route of writeRoutes.filter((r) => r.body)) {
        const shapes =
          route.body?.type === 'array'
            ? ['{}', '{"0": {}}', '"x"', '1', 'null']
            : ['[]', '[{}]', '"x"', '42', 'true', 'null'];
        for (const text of shapes) {
          const answer = await send(route, text);
          problems.push(
            ...errorShapeProblems(answer, 400, 'invalid_payload').map((p) => `${label(route)} ${text}: ${p}`),
          );
        }
      }
      expect(problems).toEqual([]);
    });
  });

  it('answers 400 naming the property to a wrong type in every top-level property', async () => {
    await expectStoreUnchanged(async () => {
      const problems: string[] = [];
      let cases = 0;
      for (const route of writeRoutes.filter((r) => r.body)) {
        const schema = route.body?.type === 'array' ? (route.body.items ?? {}) : (route.body ?? {});
        for (const [name, property] of Object.entries(schema.properties ?? {})) {
          for (const wrong of wrongExamples(property)) {
            const object = { ...(sampleValue(schema) as object), [name]: wrong };
            const answer = await send(route, JSON.stringify(route.body?.type === 'array' ? [object] : object));
            cases++;
            const where = `${label(route)} ${name}=${JSON.stringify(wrong)}`;
            problems.push(...errorShapeProblems(answer, 400, 'invalid_payload').map((p) => `${where}: ${p}`));
            const details = String((JSON.parse(answer.body) as { details?: unknown }).details);
            if (!details.includes(name)) problems.push(`${where}: details do not name the property: ${details}`);
          }
        }
      }
      expect(cases).toBeGreaterThan(20);
      expect(problems).toEqual([]);
    });
  });

  it('answers 400 to unknown enum values, also in nested objects and array items', async () => {
    /** Paths to every enum in a body schema, with the value to put there. */
    const enumPaths = (schema: SchemaNode, path: (string | number)[] = [], depth = 0): (string | number)[][] => {
      if (depth > 4) return [];
      if (schema.enum && path.length > 0) return [path];
      if (schema.type === 'array' && schema.items) return enumPaths(schema.items, [...path, 0], depth + 1);
      return Object.entries(schema.properties ?? {}).flatMap(([name, child]) =>
        enumPaths(child, [...path, name], depth + 1),
      );
    };
    const schemaAt = (schema: SchemaNode, key: string | number) =>
      typeof key === 'number' ? (schema.items ?? {}) : (schema.properties?.[key] ?? {});
    const withValueAt = (schema: SchemaNode, path: (string | number)[], value: unknown): unknown => {
      const [key, ...rest] = path;
      if (key === undefined) return value;
      const child = withValueAt(schemaAt(schema, key), rest, value);
      if (typeof key === 'number') return [child];
      return { ...(sampleValue(schema) as object), [key]: child };
    };
    await expectStoreUnchanged(async () => {
      const problems: string[] = [];
      for (const route of writeRoutes.filter((r) => r.body)) {
        const body = route.body as SchemaNode;
        for (const path of enumPaths(body)) {
          const answer = await send(route, JSON.stringify(withValueAt(body, path, 'NO_SUCH_VALUE')));
          const where = `${label(route)} ${path.join('.')}`;
          problems.push(...errorShapeProblems(answer, 400, 'invalid_payload').map((p) => `${where}: ${p}`));
        }
      }
      expect(problems).toEqual([]);
    });
  });

  it('answers 400 to bodies nested deeper than the limit instead of overflowing the stack', async () => {
    const deep = (depth: number, inner = '1') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
    const bodies = [
      `{"metadata":{"a":${deep(10_000)}}}`,
      `{"name":"x","metadata":${deep(40, '{}')}}`,
      deep(100_000),
      `{"a":${deep(10_000, '"\\u0000"')}}`,
    ];
    await expectStoreUnchanged(async () => {
      const problems: string[] = [];
      for (const route of writeRoutes) {
        for (const text of bodies) {
          const answer = await send(route, text);
          problems.push(...errorShapeProblems(answer, 400, 'invalid_payload').map((p) => `${label(route)}: ${p}`));
        }
      }
      expect(problems).toEqual([]);
    });
  });

  it('answers 413 to a body over the limit and 415 to a body that is not JSON', async () => {
    const huge = JSON.stringify({ name: 'x'.repeat(ONE_MIB) });
    await expectStoreUnchanged(async () => {
      const problems: string[] = [];
      for (const route of writeRoutes) {
        const tooLarge = await send(route, huge);
        problems.push(...errorShapeProblems(tooLarge, 413, 'payload_too_large').map((p) => `${label(route)}: ${p}`));
        for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
          const answer = await send(route, type === 'application/xml' ? '<a/>' : 'name=x', type);
          problems.push(
            ...errorShapeProblems(answer, 415, 'unsupported_media_type').map((p) => `${label(route)} ${type}: ${p}`),
          );
        }
      }
      expect(problems).toEqual([]);
    });
  });

  it('answers 404 or 400 to hostile path parameters on every route', async () => {
    // Encoded as a client would; lone surrogates cannot be, so they come as raw invalid UTF-8.
    const values = [...HOSTILE_STRINGS.filter((s) => s !== '\ud800'), 'x'.repeat(501), '%2e%2e%2f', '..%2F'];
    const urls = (route: ApiRoute) => [
      ...values.map((value) => urlFor(route, Object.fromEntries(route.params.map((p) => [p, value])))),
      ...['%ED%A0%80', '%E0%A4%A', '%FF', '%', '..%2F..%2F', '%2F'].map((raw) => route.pattern.replace(/:(\w+)/g, raw)),
    ];
    await expectStoreUnchanged(async () => {
      const problems: string[] = [];
      for (const route of table.routes.filter((r) => r.keyKind !== 'public' && r.params.length > 0)) {
        const payload = route.body ? JSON.stringify(sampleValue(route.body)) : undefined;
        for (const url of urls(route)) {
          const answer = await send(route, payload, 'application/json', url);
          const status = answer.statusCode === 400 ? 400 : 404;
          problems.push(...errorShapeProblems(answer, status).map((p) => `${label(route)} ${url.slice(0, 80)}: ${p}`));
        }
      }
      expect(problems).toEqual([]);
    });
  });

  it('answers 404 or 400, never another object, to near misses of stored ids and codes, through every key', async () => {
    // Storefront redemption on, so /client/v1/redeem looks the code up instead of refusing at once.
    const project = await server.createProject({ client_redeem_enabled: true });
    const known = await seedFuzzData(server, project);
    /** Ids that differ from a stored one by a wildcard, a quote, a space, a case or an invisible character. */
    const nearMisses = (id: string) =>
      [
        `${id}%`,
        `${id.slice(0, -1)}%`,
        `${id.slice(0, -1)}_`,
        `%${id.slice(1)}`,
        '%',
        '_',
        '*',
        `${id} `,
        ` ${id}`,
        `${id}\t`,
        `${id}\u200b`,
        `${id}'`,
        `${id}' OR '1'='1`,
        `${id}"`,
        `${id}/`,
        `${id}/..`,
        `${id}\u0000`,
        id.toLowerCase(),
        id.toUpperCase(),
        `${id}${'x'.repeat(10_000)}`,
      ].filter((miss) => miss !== id);
    // Routes whose path names the object they create take any new code; the others look one up.
    const creates = (route: ApiRoute, param: string) =>
      route.method === 'POST' && param === 'code' && route.pattern.endsWith('/:code');
    const lookups = table.routes.filter((r) => r.params.length > 0);
    await expectStoreUnchanged(async () => {
      const problems: string[] = [];
      let cases = 0;
      for (const route of lookups) {
        const real = Object.fromEntries(route.params.map((p) => [p, known[p]?.[0] ?? `missing-${p}`]));
        const payload = route.body ? JSON.stringify(sampleValue(route.body)) : undefined;
        for (const param of route.params.filter((p) => !creates(route, p))) {
          for (const miss of (known[param] ?? []).flatMap(nearMisses)) {
            const url = urlFor(route, { ...real, [param]: miss });
            const answer = await send(route, payload, 'application/json', url, project);
            cases++;
            if (answer.statusCode !== 400 && answer.statusCode !== 404) {
              problems.push(
                `${label(route)} ${param}=${JSON.stringify(miss.slice(0, 60))}: ${answer.statusCode} ${answer.body.slice(0, 120)}`,
              );
            } else {
              problems.push(
                ...errorShapeProblems(answer, answer.statusCode).map(
                  (p) => `${label(route)} ${url.slice(0, 80)}: ${p}`,
                ),
              );
            }
          }
        }
      }
      // The storefront names a code in the query string, not the path.
      for (const route of table.routes.filter((r) => r.keyKind === 'client' && r.query.code)) {
        for (const miss of [...(known.code ?? []).flatMap(nearMisses), ...HOSTILE_STRINGS]) {
          const answer = await send(
            route,
            route.method === 'GET' ? undefined : '{}',
            'application/json',
            `${route.pattern}?code=${encodeURIComponent(miss.replace(/[\ud800-\udfff]/g, '?'))}`,
            project,
          );
          cases++;
          const status = answer.statusCode === 400 ? 400 : 404;
          problems.push(
            ...errorShapeProblems(answer, status).map(
              (p) => `${label(route)} code=${JSON.stringify(miss.slice(0, 40))}: ${p}`,
            ),
          );
        }
      }
      expect(cases).toBeGreaterThan(500);
      expect(problems).toEqual([]);
    });
  });

  it('parses nested qs-style query strings on every list route, and refuses bad values with 400', async () => {
    const lists = table.routes.filter((r) => r.keyKind !== 'public' && r.method === 'GET' && r.params.length === 0);
    const parsing = [
      'filters[code][conditions][$in][0]=X&filters[code][conditions][$in][1]=Y&filters[junction]=and',
      'created_at[before]=2030-01-01T00:00:00.000Z&created_at[after]=2020-01-01',
      'a[b][c][d][e][f][g][h][i][j][k][l]=deep',
      `${Array.from({ length: 150 }, (_, i) => `list[${i}]=${i}`).join('&')}`,
      'x[]=1&x[]=2&x=3',
      '__proto__[polluted]=1&constructor[prototype][polluted]=1',
      `${Array.from({ length: 600 }, (_, i) => `p${i}=1`).join('&')}`,
      'name=%27%20OR%201%3D1--&email=%25',
    ];
    const problems: string[] = [];
    for (const route of lists) {
      for (const query of parsing) {
        const answer = await send(route, undefined, undefined, `${route.pattern}?${query}`);
        if (answer.statusCode === 400) {
          problems.push(...errorShapeProblems(answer, 400, 'invalid_query_params').map((p) => `${label(route)}: ${p}`));
        } else if (answer.statusCode !== 200) {
          problems.push(`${label(route)} ?${query.slice(0, 60)}: ${answer.statusCode} ${answer.body.slice(0, 200)}`);
        }
      }
      const bad: string[] = [];
      const { limit, page, created_at: createdAt, order, filters } = route.query;
      if (limit) bad.push('limit=abc', 'limit=0', 'limit=101', 'limit[a]=1', 'limit=1.5');
      if (page) bad.push('page=0', 'page=-1', 'page=x');
      if (createdAt?.type === 'object')
        bad.push('created_at[before]=not-a-date', 'created_at=2024-01-01', 'created_at[after]=2024-13-45');
      if (order) bad.push('order=no_such_field', 'order=-');
      if (filters) bad.push('filters[name][conditions][$no_such_operator][0]=x');
      for (const query of [...bad, 'x=%00', 'name[0]=%00']) {
        const answer = await send(route, undefined, undefined, `${route.pattern}?${query}`);
        problems.push(
          ...errorShapeProblems(answer, 400, 'invalid_query_params').map((p) => `${label(route)} ?${query}: ${p}`),
        );
      }
    }
    expect(lists.length).toBeGreaterThan(1);
    expect(problems).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers 4xx to generated hostile bodies on every write route, never 5xx, and writes nothing', async () => {
    await expectStoreUnchanged(async () => {
      for (const route of writeRoutes) {
        const bodies = route.body ? hostileBody(route.body) : fc.jsonValue({ maxDepth: 3 });
        await fc.assert(
          fc.asyncProperty(bodies, async (body) => {
            const answer = await send(route, JSON.stringify(body));
            const expected = route.body ? 400 : answer.statusCode;
            const problems = errorShapeProblems(answer, expected, route.body ? 'invalid_payload' : undefined);
            if (answer.statusCode < 400 || answer.statusCode >= 500) problems.push(`status ${answer.statusCode}`);
            if (problems.length > 0) throw new Error(`${label(route)} ${JSON.stringify(body)}: ${problems.join('; ')}`);
          }),
          { numRuns: RUNS },
        );
      }
    });
  });

  it('stores hostile strings, metadata and extreme numbers or refuses them with 400, never a 500', async () => {
    const project = await server.createProject();
    const creates = writeRoutes.filter(
      (r) => r.method === 'POST' && r.params.length === 0 && r.body?.type === 'object',
    );
    const withoutNul = HOSTILE_STRINGS.filter((s) => !s.includes('\u0000'));
    const hostileMetadata = Object.fromEntries(withoutNul.map((s, i) => [`${i}${s.slice(0, 40)}`, s]));
    const nested = (depth: number): unknown =>
      depth === 0 ? { leaf: "'" } : { [`level${depth}`]: [nested(depth - 1)] };
    /** Values worth trying in a property: hostile text, free-form objects, numbers at the edges. */
    const valuesFor = (property: SchemaNode): unknown[] => {
      const kinds = acceptedKinds(property);
      if (!kinds || property.enum || property.format) return [];
      const values: unknown[] = [];
      if (kinds.has('string')) values.push(...HOSTILE_STRINGS.map((s) => s.slice(0, property.maxLength ?? s.length)));
      if (kinds.has('integer')) values.push(2 ** 63, 1e20, Number.MAX_SAFE_INTEGER, -(2 ** 53), -1, 0);
      if (kinds.has('fraction')) values.push(1e308, -1e308, 5e-324, 0.1);
      if (kinds.has('object') && property.additionalProperties !== false && !property.properties) {
        values.push(hostileMetadata, { 'nul\u0000key': 1 }, { nested: { deeper: [hostileMetadata] } }, nested(12));
      }
      return values;
    };
    const problems: string[] = [];
    const pending: string[] = [];
    for (const route of creates) {
      const schema = route.body as SchemaNode;
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        for (const value of valuesFor(property)) {
          const body = { ...(sampleValue(schema) as object), [name]: value };
          const text = JSON.stringify(body);
          const answer = await send(route, text, 'application/json', route.sampleUrl, project);
          const where = `${label(route)} ${name}=${JSON.stringify(value).slice(0, 40)}`;
          if (text.includes('\\u0000')) {
            problems.push(...errorShapeProblems(answer, 400, 'invalid_payload').map((p) => `${where}: ${p}`));
          } else if (answer.statusCode >= 500) {
            problems.push(`${where}: ${answer.statusCode} ${answer.body.slice(0, 200)}`);
          }
          const asyncAction = (JSON.parse(answer.body) as { async_action_id?: unknown }).async_action_id;
          if (typeof asyncAction === 'string') pending.push(asyncAction);
        }
      }
    }
    for (const id of pending) await waitForAsyncAction(server, id, project);
    expect(creates.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});
