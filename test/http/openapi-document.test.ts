import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../support/databases.js';
import { type OpenApiDocument, type RouteTable, readRouteTable } from '../support/route-table.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const OPERATION_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const SECURITY: Record<string, string[]> = {
  server: ['appId', 'appToken'],
  client: ['clientId', 'clientToken'],
  management: ['managementId', 'managementToken'],
};

/** JSON pointers to every schema object in the document (parameters, bodies, responses, components). */
function schemaPointers(document: OpenApiDocument): string[] {
  const toPointerPart = (part: string) => part.replaceAll('~', '~0').replaceAll('/', '~1');
  const pointers = Object.keys(document.components?.schemas ?? {}).map(
    (name) => `/components/schemas/${toPointerPart(name)}`,
  );
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const base = `/paths/${toPointerPart(path)}/${method}`;
      (operation.parameters ?? []).forEach((_, i) => {
        pointers.push(`${base}/parameters/${i}/schema`);
      });
      for (const type of Object.keys(operation.requestBody?.content ?? {})) {
        pointers.push(`${base}/requestBody/content/${toPointerPart(type)}/schema`);
      }
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const content = (response as { content?: Record<string, unknown> }).content ?? {};
        for (const type of Object.keys(content))
          pointers.push(`${base}/responses/${status}/content/${toPointerPart(type)}/schema`);
      }
    }
  }
  return pointers;
}

/** What OpenAPI 3.0's Schema Object does not allow, though JSON Schema does. */
function schemaProblems(node: unknown, where: string): string[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => schemaProblems(item, `${where}[${i}]`));
  if (node === null || typeof node !== 'object') return [];
  const problems: string[] = [];
  const record = node as Record<string, unknown>;
  if (Array.isArray(record.type)) problems.push(`${where}: type is an array`);
  if (record.type === 'null') problems.push(`${where}: type null (3.0 uses nullable)`);
  if (typeof record.$ref === 'string' && !record.$ref.startsWith('#/components/')) {
    problems.push(`${where}: $ref ${record.$ref} points outside components`);
  }
  for (const [key, value] of Object.entries(record)) {
    // `properties` maps names to schemas: a property may be called `type` or `const`.
    if (key === 'properties' && value && typeof value === 'object') {
      for (const [name, child] of Object.entries(value)) problems.push(...schemaProblems(child, `${where}.${name}`));
    } else if (key !== 'example' && key !== 'examples' && key !== 'enum' && key !== 'default') {
      problems.push(...schemaProblems(value, `${where}/${key}`));
    }
  }
  return problems;
}

/** Every `$ref` in the document, to check each resolves. */
function collectRefs(node: unknown, refs: Set<string> = new Set()): Set<string> {
  if (Array.isArray(node)) for (const item of node) collectRefs(item, refs);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') refs.add(value);
      else collectRefs(value, refs);
    }
  }
  return refs;
}

const [database] = TEST_DATABASES;

// The document does not depend on the database, so one suffices.
describe(`the OpenAPI document on ${database?.name}`, () => {
  let server: TestServer;
  let table: RouteTable;
  let document: OpenApiDocument;
  beforeAll(async () => {
    if (!database) throw new Error('no test database');
    server = await startTestServer(database);
    table = readRouteTable(server.app);
    const answer = await server.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    document = JSON.parse(answer.body) as OpenApiDocument;
  });
  afterAll(() => server?.close());

  it('is served without a key and is the app’s own document', () => {
    expect(document).toEqual(JSON.parse(JSON.stringify(server.app.swagger())));
  });

  it('is a well-formed OpenAPI 3.0 document', () => {
    expect(document.openapi).toMatch(/^3\.0\.\d+$/);
    expect(document.info).toMatchObject({ title: expect.any(String), version: expect.stringMatching(/\d+\.\d+\.\d+/) });
    const problems: string[] = [];
    const operationIds = new Set<string>();
    for (const [path, operations] of Object.entries(document.paths)) {
      if (!path.startsWith('/')) problems.push(`${path}: does not start with /`);
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, operation] of Object.entries(operations)) {
        const where = `${method.toUpperCase()} ${path}`;
        if (!OPERATION_METHODS.includes(method)) problems.push(`${where}: not an HTTP method`);
        const responses = Object.entries(operation.responses ?? {});
        if (responses.length === 0) problems.push(`${where}: no responses`);
        for (const [status, response] of responses) {
          if (!/^([1-5]\d\d|[1-5]XX|default)$/.test(status)) problems.push(`${where}: response ${status}`);
          if (typeof (response as { description?: unknown }).description !== 'string') {
            problems.push(`${where}: response ${status} has no description`);
          }
        }
        const inPath = (operation.parameters ?? []).filter((p) => p.in === 'path');
        for (const p of inPath) {
          if (!templated.includes(p.name)) problems.push(`${where}: path parameter ${p.name} not in the path`);
          if (p.required !== true) problems.push(`${where}: path parameter ${p.name} is not required`);
        }
        for (const name of templated) {
          if (!inPath.some((p) => p.name === name)) problems.push(`${where}: {${name}} is not declared`);
        }
        for (const p of operation.parameters ?? []) {
          if (!['query', 'header', 'path', 'cookie'].includes(p.in)) problems.push(`${where}: parameter in ${p.in}`);
        }
        const id = (operation as { operationId?: string }).operationId;
        if (id !== undefined) {
          if (operationIds.has(id)) problems.push(`${where}: duplicate operationId ${id}`);
          operationIds.add(id);
        }
        problems.push(...schemaProblems(operation, where));
      }
    }
    for (const ref of collectRefs(document)) {
      const target = ref.replace('#/components/schemas/', '');
      if (!document.components?.schemas?.[target]) problems.push(`unresolved ${ref}`);
    }
    expect(problems).toEqual([]);
  });

  it('has schemas that compile, with every reference resolved', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ ...document, $id: 'vouch' });
    const failures: string[] = [];
    for (const pointer of schemaPointers(document)) {
      try {
        ajv.compile({ $ref: `vouch#${pointer}` });
      } catch (error) {
        failures.push(`${pointer}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('documents every route Vouch serves under /v1, /client/v1 and /management/v1, and nothing else', () => {
    const served = table.routes.filter((r) => r.keyKind !== 'public').map((r) => `${r.method} ${r.openApiPath}`);
    const documentedApi = [...table.documented].filter((d) => /^\w+ \/(v1|client\/v1|management\/v1)\//.test(d));
    expect(served.length).toBeGreaterThan(10);
    expect([...served].sort()).toEqual([...documentedApi].sort());
    const documentedElsewhere = [...table.documented].filter((d) => !documentedApi.includes(d));
    const servedPublic = new Set(table.routes.map((r) => `${r.method} ${r.openApiPath}`));
    expect(documentedElsewhere.filter((d) => !servedPublic.has(d))).toEqual([]);
  });

  it('gives every API operation a summary, tags and the key it needs', () => {
    const problems: string[] = [];
    for (const route of table.routes.filter((r) => r.keyKind !== 'public')) {
      const where = `${route.method} ${route.pattern}`;
      const operation = route.operation;
      if (!operation) {
        problems.push(`${where}: undocumented`);
        continue;
      }
      if (!operation.summary?.trim()) problems.push(`${where}: no summary`);
      if (!operation.tags?.length || operation.tags.some((t) => !t.trim())) problems.push(`${where}: no tags`);
      const security = operation.security?.flatMap((requirement) => Object.keys(requirement)).sort();
      if (JSON.stringify(security) !== JSON.stringify(SECURITY[route.keyKind]?.slice().sort())) {
        problems.push(`${where}: security ${JSON.stringify(security)}`);
      }
      if (
        route.method !== 'GET' &&
        route.method !== 'DELETE' &&
        route.consumes.length === 0 &&
        route.params.length === 0
      ) {
        problems.push(`${where}: documents no request body`);
      }
    }
    expect(problems).toEqual([]);
    const schemes = Object.keys(document.components?.securitySchemes ?? {});
    expect(schemes).toEqual(expect.arrayContaining(Object.values(SECURITY).flat()));
  });

  it('documents CSV uploads as multipart with a file field', () => {
    const uploads = table.routes.filter((r) => /import(Skus)?CSV$/.test(r.pattern));
    expect(uploads.length).toBeGreaterThan(0);
    for (const route of uploads) {
      const schema = route.operation?.requestBody?.content?.['multipart/form-data']?.schema;
      expect(schema, route.pattern).toMatchObject({ type: 'object', properties: { file: { format: 'binary' } } });
    }
  });

  it('shows the document as HTML at /docs', async () => {
    let answer = await server.app.inject({ method: 'GET', url: '/docs' });
    if (answer.statusCode >= 300 && answer.statusCode < 400) {
      answer = await server.app.inject({ method: 'GET', url: String(answer.headers.location) });
    }
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/html/);
    expect(answer.body).toMatch(/<html/i);
  });
});
