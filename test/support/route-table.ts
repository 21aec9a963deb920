import type { FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type { KyselyStore } from '../../src/store/kysely-store.js';

/** Which key a route takes, from its prefix: /v1 server, /client/v1 client, /management/v1 management. */
export type KeyKind = 'server' | 'client' | 'management' | 'public';

/** A JSON Schema node as the OpenAPI 3.0 document writes it (`nullable`, `$ref`s resolved). */
export interface SchemaNode {
  type?: string;
  nullable?: boolean;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
  $ref?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
}

export interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: SchemaNode;
}

export interface OpenApiOperation {
  summary?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: SchemaNode }> };
  responses?: Record<string, unknown>;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, SchemaNode>; securitySchemes?: Record<string, unknown> };
}

export interface ApiRoute {
  method: string;
  /** Fastify's pattern, `/v1/customers/:customerId`: also the metrics' route label. */
  pattern: string;
  /** The same in OpenAPI's spelling, `/v1/customers/{customerId}`. */
  openApiPath: string;
  params: string[];
  keyKind: KeyKind;
  /** The URL with every path parameter replaced by a placeholder that names no object. */
  sampleUrl: string;
  operation: OpenApiOperation | undefined;
  /** The JSON body schema, with `$ref`s resolved; undefined when the route takes no JSON body. */
  body: SchemaNode | undefined;
  /** The media types the document lists for the body. */
  consumes: string[];
  /** Query string parameters by name. */
  query: Record<string, SchemaNode>;
  /** The query string as one object schema, with the parameters the document marks required. */
  querySchema: SchemaNode;
  /** Path parameters' schemas by name; `{}` where the document says nothing. */
  pathParams: Record<string, SchemaNode>;
}

export interface RouteTable {
  routes: ApiRoute[];
  /** `METHOD /openapi/path` for every operation in the OpenAPI document. */
  documented: Set<string>;
  document: OpenApiDocument;
}

const HTTP_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
const PRINTED_LINE = /^((?:│ {3}| {4})*)(?:├── |└── )(.+?)(?: \(([A-Z, ]+)\))?$/;

/**
 * Every method and pattern in `app.printRoutes()`, whose tree nests the parts of paths that
 * follow a common prefix. (With `commonPrefix: false` find-my-way leaves out a wildcard that is
 * the sibling of a parameter, such as `/assets/qr/*` beside `/assets/qr/:token`.)
 */
export function parsePrintedRoutes(printed: string): { method: string; pattern: string }[] {
  const prefixes: string[] = [];
  const found: { method: string; pattern: string }[] = [];
  for (const line of printed.split('\n')) {
    const match = PRINTED_LINE.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    const parent = depth > 0 ? (prefixes[depth - 1] ?? '') : '';
    const segment = match[2] ?? '';
    // A wildcard child is printed without its slash: `/docs` then `*` is `/docs/*`.
    const pattern = parent + (segment.startsWith('*') && !parent.endsWith('/') ? `/${segment}` : segment);
    prefixes.length = depth;
    prefixes.push(pattern);
    for (const method of (match[3] ?? '').split(', ')) {
      if (HTTP_METHODS.has(method)) found.push({ method, pattern });
    }
  }
  return found;
}

export function keyKindOf(pattern: string): KeyKind {
  if (pattern.startsWith('/v1/')) return 'server';
  if (pattern.startsWith('/client/v1/')) return 'client';
  if (pattern.startsWith('/management/v1/')) return 'management';
  return 'public';
}

/** The route's URL with the given path parameter values (encoded) and placeholders for the rest. */
export function urlFor(route: Pick<ApiRoute, 'pattern'>, values: Record<string, string> = {}): string {
  return route.pattern.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(values[name] ?? `missing-${name}`));
}

/** The schema with every `#/components/schemas/X` reference replaced by its target. */
export function resolveRefs(node: SchemaNode, document: OpenApiDocument, depth = 0): SchemaNode {
  if (depth > 20) return {};
  const ref = node.$ref;
  const target = ref ? document.components?.schemas?.[ref.replace('#/components/schemas/', '')] : undefined;
  const resolved: SchemaNode = target ? { ...target, ...node, $ref: undefined } : node;
  const mapped: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resolved)) {
    if (value === undefined) continue;
    if (key === 'properties' && typeof value === 'object') {
      mapped[key] = Object.fromEntries(
        Object.entries(value as Record<string, SchemaNode>).map(([name, child]) => [
          name,
          resolveRefs(child, document, depth + 1),
        ]),
      );
    } else if ((key === 'items' || key === 'additionalProperties') && typeof value === 'object') {
      mapped[key] = resolveRefs(value as SchemaNode, document, depth + 1);
    } else if (['anyOf', 'oneOf', 'allOf'].includes(key) && Array.isArray(value)) {
      mapped[key] = (value as SchemaNode[]).map((child) => resolveRefs(child, document, depth + 1));
    } else {
      mapped[key] = value;
    }
  }
  return mapped as SchemaNode;
}

/**
 * Every route the app serves (from the router, so undocumented routes show up too), each with
 * what the OpenAPI document says of it. HEAD twins of GET routes are left out, and so is the
 * dashboard (`/dashboard/...`): its pages and its session API take no key, and
 * test/http/dashboard-session.test.ts covers them.
 */
export function readRouteTable(app: FastifyInstance): RouteTable {
  const document = app.swagger() as unknown as OpenApiDocument;
  const documented = new Set<string>();
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const method of Object.keys(operations)) documented.add(`${method.toUpperCase()} ${path}`);
  }
  const seen = new Set<string>();
  const routes: ApiRoute[] = [];
  for (const { method, pattern } of parsePrintedRoutes(app.printRoutes())) {
    if (seen.has(`${method} ${pattern}`) || pattern.startsWith('/dashboard')) continue;
    seen.add(`${method} ${pattern}`);
    const openApiPath = pattern.replace(/:(\w+)/g, '{$1}');
    const operation = document.paths[openApiPath]?.[method.toLowerCase()];
    const content = operation?.requestBody?.content ?? {};
    const jsonBody = content['application/json']?.schema;
    const query: Record<string, SchemaNode> = {};
    const requiredQuery: string[] = [];
    const pathParams: Record<string, SchemaNode> = {};
    for (const parameter of operation?.parameters ?? []) {
      const schema = resolveRefs(parameter.schema ?? {}, document);
      if (parameter.in === 'query') {
        query[parameter.name] = schema;
        if (parameter.required) requiredQuery.push(parameter.name);
      }
      if (parameter.in === 'path') pathParams[parameter.name] = schema;
    }
    const params = [...pattern.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
    routes.push({
      method,
      pattern,
      openApiPath,
      params,
      keyKind: keyKindOf(pattern),
      sampleUrl: urlFor({ pattern }),
      operation,
      body: jsonBody ? resolveRefs(jsonBody, document) : undefined,
      consumes: Object.keys(content),
      query,
      querySchema: { type: 'object', properties: query, required: requiredQuery },
      pathParams: Object.fromEntries(params.map((name) => [name, pathParams[name] ?? {}])),
    });
  }
  return { routes, documented, document };
}

let sampleCounter = 0;

/** A value the schema accepts, as small as it allows; strings are unique so source_ids do not collide. */
export function sampleValue(schema: SchemaNode): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  const alternative = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (alternative) return sampleValue(alternative);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((part) => sampleValue(part)));
  switch (schema.type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const name of schema.required ?? []) value[name] = sampleValue(schema.properties?.[name] ?? {});
      return value;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleValue(schema.items ?? {}));
    case 'integer':
    case 'number':
      return Math.min(Math.max(schema.minimum ?? 1, 1), schema.maximum ?? Number.MAX_SAFE_INTEGER);
    case 'boolean':
      return true;
    case 'string':
      return sampleString(schema);
    default:
      return 'x';
  }
}

function sampleString(schema: SchemaNode): string {
  if (schema.format === 'date-time') return '2024-01-01T00:00:00.000Z';
  if (schema.format === 'date') return '2024-01-01';
  if (schema.format === 'email') return `sample${++sampleCounter}@example.com`;
  if (schema.format === 'uri' || schema.format === 'url') return `https://example.com/${++sampleCounter}`;
  const text = `sample-${++sampleCounter}`.slice(0, schema.maxLength ?? 100);
  return text.padEnd(schema.minLength ?? 0, 'x');
}

/** Kysely over the store's connection, to read rows behind the Store port's back. */
export function databaseOf(store: KyselyStore): Kysely<unknown> {
  const db: unknown = Reflect.get(store, 'db');
  if (typeof db !== 'object' || db === null || !('selectFrom' in db)) {
    throw new Error('KyselyStore no longer keeps its Kysely instance in `db`: update countRows');
  }
  return db as Kysely<unknown>;
}

export async function tableNames(db: Kysely<unknown>, dialect: KyselyStore['dialect']): Promise<string[]> {
  const query =
    dialect === 'sqlite'
      ? sql<{ name: string }>`select name from sqlite_master where type = 'table'
          and name not like 'sqlite_%' and name not like 'kysely_%' order by name`
      : sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'
          and table_name not like 'kysely_%' order by table_name`;
  return (await query.execute(db)).rows.map((row) => row.name);
}

async function hasProjectColumn(db: Kysely<unknown>, dialect: KyselyStore['dialect'], table: string) {
  const query =
    dialect === 'sqlite'
      ? sql<{ name: string }>`select name from pragma_table_info(${table}) where name = 'project_id'`
      : sql<{ name: string }>`select column_name as name from information_schema.columns
          where table_schema = current_schema() and table_name = ${table} and column_name = 'project_id'`;
  return (await query.execute(db)).rows.length > 0;
}

/**
 * Rows in every table of the store's database (every table a migration created, also ones added
 * after this was written), or only the rows of one project in tables that have a `project_id`.
 */
export async function countRows(store: KyselyStore, projectId?: string): Promise<Record<string, number>> {
  const db = databaseOf(store);
  const counts: Record<string, number> = {};
  for (const table of await tableNames(db, store.dialect)) {
    if (projectId !== undefined && !(await hasProjectColumn(db, store.dialect, table))) continue;
    const where = projectId === undefined ? sql`` : sql` where project_id = ${projectId}`;
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}${where}`.execute(
      db,
    );
    counts[table] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}

/** What tests read of an injected answer. */
export interface InjectedAnswer {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}

/** Voucherify's error object; resource_id and resource_type name the object a 404, 409 or failed redemption is about. */
const ERROR_FIELDS = new Set(['code', 'key', 'message', 'details', 'request_id', 'resource_id', 'resource_type']);

/**
 * Problems with an error answer (empty when it is right): Voucherify's error object with exactly
 * code, key, message, details?, request_id `v-…` equal to the x-request-id header, and optionally
 * the resource it is about (resource_id, resource_type), as Voucherify's do.
 */
export function errorShapeProblems(answer: InjectedAnswer, status: number, key?: string): string[] {
  const problems: string[] = [];
  if (answer.statusCode !== status) problems.push(`status ${answer.statusCode}, expected ${status}`);
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(answer.body) as Record<string, unknown>;
  } catch {
    return [...problems, `body is not JSON: ${answer.body.slice(0, 200)}`];
  }
  const extra = Object.keys(body).filter((field) => !ERROR_FIELDS.has(field));
  if (extra.length > 0) problems.push(`unexpected fields ${extra.join(', ')}`);
  if (body.code !== status) problems.push(`code ${String(body.code)}`);
  if (key !== undefined && body.key !== key) problems.push(`key ${String(body.key)}, expected ${key}`);
  if (typeof body.key !== 'string' || !/^[a-z_]+$/.test(body.key)) problems.push('key is not snake_case');
  if (typeof body.message !== 'string' || body.message === '') problems.push('no message');
  for (const field of ['details', 'resource_id', 'resource_type']) {
    if (body[field] !== undefined && typeof body[field] !== 'string') problems.push(`${field} is not a string`);
  }
  if (typeof body.request_id !== 'string' || !/^v-[0-9a-f]+$/.test(body.request_id)) {
    problems.push(`request_id ${String(body.request_id)}`);
  }
  if (answer.headers['x-request-id'] !== body.request_id) problems.push('x-request-id header differs from request_id');
  if (!String(answer.headers['content-type']).startsWith('application/json')) problems.push('not application/json');
  return problems.length > 0 ? [`${problems.join('; ')}: ${answer.body.slice(0, 300)}`] : [];
}
