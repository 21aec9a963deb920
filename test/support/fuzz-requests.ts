import fc from 'fast-check';
import qs from 'qs';
import { multipartArbitrary, type RequestBody } from './csv-upload-arbitraries.js';
import { HUGE_LENGTH, hostileText, RawJson, toJsonText } from './hostile-json.js';
import type { ApiRoute, SchemaNode } from './route-table.js';
import { type KnownValues, mutatedValue, validValue } from './schema-arbitraries.js';

/** One generated request, without its key: the fuzzer adds the headers of the route's key kind. */
export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** Sent twice in a row, as a client retrying would: the second meets what the first stored. */
  twice: boolean;
}

/** Long runs shown as `x×100000`, so a counterexample with a huge string still prints on a screen. */
export function shortText(text: string, max = 300): string {
  const squeezed = text.replace(/(.)\1{15,}/gsu, (run, unit: string) => `${unit}×${[...run].length}`);
  return squeezed.length > max ? `${squeezed.slice(0, max)}…(${squeezed.length} chars)` : squeezed;
}

/** The request on one line, as a failure prints it. */
export function describeRequest(request: FuzzRequest): string {
  const payload =
    request.payload === undefined
      ? ''
      : ` ${request.headers['content-type'] ?? '(no content-type)'} ${shortText(
          Buffer.isBuffer(request.payload)
            ? `<bytes ${request.payload.toString('hex').slice(0, 80)}>`
            : request.payload,
        )}`;
  const key = request.headers['idempotency-key'];
  const idempotency = key === undefined ? '' : ` (Idempotency-Key ${JSON.stringify(shortText(key, 40))})`;
  return `${request.twice ? '2× ' : ''}${request.method} ${shortText(request.url, 400)}${idempotency}${payload}`;
}

function fuzzRequest(fields: FuzzRequest): FuzzRequest {
  // fast-check prints counterexamples with this, instead of a 100 kB literal.
  return Object.assign(fields, { [fc.toStringMethod]: () => describeRequest(fields) });
}

/** A path segment as a client would send it; lone surrogates cannot be URI-encoded, so they go as raw bytes. */
function encodeSegment(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '\u0001')).replaceAll('%01', '%ED%A0%80');
  }
}

/** Segments written raw, past any encoding: traversal, NUL, broken percent escapes and UTF-8. */
const RAW_SEGMENTS = [
  '%00',
  'a%00b',
  '..',
  '.',
  '%2e%2e',
  '%2F',
  '..%2F..%2Fetc%2Fpasswd',
  '%ED%A0%80',
  '%FF',
  '%C0%AF',
  '%',
  '%E0%A4%A',
  '%25',
  '%27%20OR%20%271%27%3D%271',
  '%0d%0aSet-Cookie:%20x',
  ';',
  '+',
  '~',
  '%20',
];

/** A value for one path parameter: mostly ones that name stored objects, else hostile text and near misses. */
export function pathSegment(known: readonly string[], schema: SchemaNode): fc.Arbitrary<string> {
  const maxLength = schema.maxLength ?? 500;
  const options: { weight: number; arbitrary: fc.Arbitrary<string> }[] = [
    { weight: 2, arbitrary: hostileText.map(encodeSegment) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).map(encodeSegment) },
    { weight: 1, arbitrary: fc.constantFrom(maxLength, maxLength + 1, 10_000, HUGE_LENGTH).map((n) => 'a'.repeat(n)) },
  ];
  if (known.length > 0) {
    options.push({ weight: 7, arbitrary: fc.constantFrom(...known).map(encodeSegment) });
    // Near misses of real ids: a wildcard or another case must never find the real object.
    const nearMiss = fc
      .tuple(fc.constantFrom(...known), fc.constantFrom('%', '_', '*', ' ', '\u0000', "'", '/', '.'), fc.nat(2))
      .map(([id, extra, where]) =>
        where === 0 ? `${id}${extra}` : where === 1 ? `${extra}${id}` : `${id.slice(0, -1)}${extra}`,
      );
    options.push({ weight: 2, arbitrary: nearMiss.map(encodeSegment) });
  }
  return fc.oneof(...options);
}

/** RawJson pieces as their text, for the query string, which has no types of its own. */
function plainForQuery(value: unknown): unknown {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return value.map(plainForQuery);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plainForQuery(item)]));
  }
  return value;
}

function toQueryString(value: unknown): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return qs.stringify(plainForQuery(value), { allowDots: false });
  }
  return `q=${encodeSegment(textOf(plainForQuery(value)))}`;
}

/** A value as text; an array holding a prototype-less object has no String() form, so it is JSON. */
function textOf(value: unknown): string {
  try {
    return String(value);
  } catch {
    return JSON.stringify(value) ?? '';
  }
}

const RAW_QUERIES = [
  'limit=1&limit=2',
  'limit[]=1',
  'page=1e3',
  'a[b][c][d][e][f][g][h][i][j]=deep',
  '__proto__[admin]=1',
  'constructor[prototype][admin]=1',
  '%00=%00',
  '=&&=&',
  '%',
  '%E0%A4%A',
  'filters[junction]=or&filters[code][conditions][$is][0]=%27',
  `x=${'a'.repeat(HUGE_LENGTH)}`,
];

function queryArbitrary(route: ApiRoute, known: KnownValues): fc.Arbitrary<string> {
  const hasQuery = Object.keys(route.query).length > 0;
  const junk = fc.constantFrom(...RAW_QUERIES);
  if (!hasQuery) return fc.oneof({ weight: 8, arbitrary: fc.constant('') }, { weight: 1, arbitrary: junk });
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant('') },
    { weight: 4, arbitrary: validValue(route.querySchema, known).map(toQueryString) },
    { weight: 3, arbitrary: mutatedValue(route.querySchema, known).map(toQueryString) },
    { weight: 1, arbitrary: junk },
  );
}

const WRONG_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'multipart/form-data; boundary=fuzz',
  'application/octet-stream',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'APPLICATION/JSON',
  'application/vnd.api+json',
  'application/json, text/plain',
  'application/json;;;',
  'text/json',
  '*/*',
];

/** JSON text damaged after it was written: cut short, doubled keys, a BOM, bytes that are not UTF-8. */
function damagedJson(text: fc.Arbitrary<string>): fc.Arbitrary<RequestBody> {
  return fc
    .tuple(text, fc.nat(), fc.constantFrom('cut', 'bom', 'trailing', 'duplicate', 'latin1', 'bytes'))
    .map(([json, at, damage]): RequestBody => {
      const contentType = 'application/json';
      switch (damage) {
        case 'cut':
          return { contentType, payload: json.slice(0, at % Math.max(json.length, 1)) };
        case 'bom':
          return { contentType, payload: `\ufeff${json}` };
        case 'trailing':
          return { contentType, payload: `${json} , garbage` };
        case 'duplicate':
          return {
            contentType,
            payload: json.startsWith('{"') ? `{"__proto__":{"x":1},${json.slice(1)}` : `${json}${json}`,
          };
        case 'latin1':
          return { contentType, payload: Buffer.from(json.replace(/"$/, '"é'), 'latin1') };
        default:
          return { contentType, payload: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0xc0, 0x22, 0x3a, 0x31, 0x7d]) };
      }
    });
}

function jsonBodyArbitrary(schema: SchemaNode, known: KnownValues): fc.Arbitrary<RequestBody> {
  const valid = validValue(schema, known).map(toJsonText);
  const json = (payload: string): RequestBody => ({ contentType: 'application/json', payload });
  return fc.oneof(
    { weight: 4, arbitrary: valid.map(json) },
    { weight: 4, arbitrary: mutatedValue(schema, known).map(toJsonText).map(json) },
    { weight: 1, arbitrary: damagedJson(valid) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(valid, fc.constantFrom(...WRONG_CONTENT_TYPES))
        .map(([payload, contentType]): RequestBody => ({ contentType, payload })),
    },
    { weight: 1, arbitrary: fc.constantFrom<RequestBody>({}, { contentType: 'application/json', payload: '' }) },
  );
}

/** Bodies sent where a route reads none: mostly nothing, sometimes JSON or junk anyway. */
const strayBody: fc.Arbitrary<RequestBody> = fc.oneof(
  { weight: 8, arbitrary: fc.constant<RequestBody>({}) },
  { weight: 1, arbitrary: fc.constant<RequestBody>({ contentType: 'application/json', payload: '' }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('application/json', ...WRONG_CONTENT_TYPES))
      .map(([value, contentType]): RequestBody => ({ contentType, payload: JSON.stringify(value) ?? 'null' })),
  },
);

const idempotencyKey: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 8, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.constantFrom('fuzz-key-1', 'fuzz-key-2') },
  { weight: 1, arbitrary: fc.constantFrom('', 'k'.repeat(256), '\u00e9\u00e8', "'; --") },
);

/** The route's path with every parameter (and a trailing wildcard) filled from the arbitraries. */
function pathArbitrary(route: ApiRoute, known: KnownValues): fc.Arbitrary<string> {
  const segments = route.params.map((name) => pathSegment(known[name] ?? [], route.pathParams[name] ?? {}));
  const wildcard = fc
    .array(fc.oneof(pathSegment([], {}), fc.constantFrom('index.html', 'static', 'json', 'qr')), { maxLength: 3 })
    .map((parts) => parts.join('/'));
  return fc.tuple(fc.tuple(...segments), wildcard).map(([values, rest]) => {
    let index = 0;
    return route.pattern.replace(/:(\w+)/g, () => values[index++] ?? '').replace(/\*$/, rest);
  });
}

/**
 * Requests for one route, generated from its schemas: path parameters, query string and body,
 * each valid-looking or mutated, with the odd wrong content type and Idempotency-Key.
 */
export function requestArbitrary(route: ApiRoute, known: KnownValues): fc.Arbitrary<FuzzRequest> {
  const body = route.body
    ? jsonBodyArbitrary(route.body, known)
    : route.consumes.includes('multipart/form-data')
      ? multipartArbitrary(known)
      : strayBody;
  const key = route.method === 'POST' ? idempotencyKey : fc.constant(undefined);
  const twice = fc.oneof({ weight: 7, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });
  return fc
    .tuple(pathArbitrary(route, known), queryArbitrary(route, known), body, key, twice)
    .map(([path, query, { contentType, payload }, idempotency, repeated]) => {
      const headers: Record<string, string> = {};
      if (contentType !== undefined) headers['content-type'] = contentType;
      if (idempotency !== undefined) headers['idempotency-key'] = idempotency;
      return fuzzRequest({
        method: route.method,
        url: query === '' ? path : `${path}?${query}`,
        headers,
        ...(payload === undefined ? {} : { payload }),
        twice: repeated,
      });
    });
}
