import fc from 'fast-check';
import { HUGE_LENGTH, hostileJson, hostileKey, hostileNumber, hostileText, nested, objectOf } from './hostile-json.js';
import { type SchemaNode, sampleValue } from './route-table.js';

/**
 * fast-check arbitraries generated from a route's JSON schemas: values the schema accepts (to get
 * past validation into the use cases) and mutations of them (to prove the refusals). Each value
 * is built from small combinators (record, oneof, tuple, map), so a failure shrinks to a small
 * counterexample.
 */

const MAX_DEPTH = 6;

/** Values already in the store, by the property or path parameter that names them (`code`, `customerId`). */
export type KnownValues = Readonly<Record<string, readonly string[]>>;

/** Fields the domain reads from free-form objects (discounts, gifts), so generated ones reach its parsers. */
const DOMAIN_FIELD_VALUES: Record<string, fc.Arbitrary<unknown>> = {
  amount_off: fc.oneof(fc.nat({ max: 100_000 }), hostileNumber),
  percent_off: fc.oneof(fc.double({ min: 0, max: 120, noNaN: true }), hostileNumber),
  amount_limit: fc.oneof(fc.nat({ max: 100_000 }), hostileNumber),
  fixed_amount: fc.oneof(fc.nat({ max: 100_000 }), hostileNumber),
  unit_off: fc.oneof(fc.integer({ min: 0, max: 5 }), hostileNumber),
  unit_type: fc.oneof(fc.constantFrom('prod_unknown', 'sku_unknown'), hostileText),
  effect: fc.constantFrom(
    'APPLY_TO_ORDER',
    'APPLY_TO_ITEMS',
    'APPLY_TO_ITEMS_PROPORTIONALLY',
    'APPLY_TO_ITEMS_PROPORTIONALLY_BY_QUANTITY',
    'APPLY_TO_ITEMS_BY_QUANTITY',
    'ADD_MISSING_ITEMS',
    'ADD_NEW_ITEMS',
    'ADD_MANY_ITEMS',
    'NOPE',
  ),
  units: fc.array(
    fc.record(
      { unit_off: fc.integer({ min: -1, max: 3 }), unit_type: fc.string({ maxLength: 8 }), effect: fc.string() },
      { requiredKeys: [] },
    ),
    { maxLength: 3 },
  ),
  amount_off_formula: hostileText,
  is_dynamic: fc.boolean(),
  amount: fc.oneof(fc.nat({ max: 100_000 }), hostileNumber),
  balance: fc.oneof(fc.nat({ max: 100_000 }), hostileNumber),
  points: fc.oneof(fc.nat({ max: 100_000 }), hostileNumber),
};

const domainFields: fc.Arbitrary<Record<string, unknown>> = fc.record(DOMAIN_FIELD_VALUES, { requiredKeys: [] });

/** Dates the domain parses, and near misses of them. */
const dateText: fc.Arbitrary<string> = fc.oneof(
  fc
    .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
    .map((date) => date.toISOString()),
  fc.constantFrom('2024-02-30', '2024-13-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '0000-01-01', '2024-01-01T25:00'),
);

const metadataValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: hostileJson },
);

/** Free-form key/value pairs, with the odd hostile key among them. */
const freeForm: fc.Arbitrary<unknown> = fc
  .array(
    fc.tuple(
      fc.oneof({ weight: 5, arbitrary: fc.string({ maxLength: 10 }) }, { weight: 1, arbitrary: hostileKey }),
      metadataValue,
    ),
    {
      maxLength: 4,
    },
  )
  .map(objectOf);

function withNull(schema: SchemaNode, arbitrary: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return schema.nullable ? fc.oneof({ weight: 6, arbitrary }, { weight: 1, arbitrary: fc.constant(null) }) : arbitrary;
}

function validString(schema: SchemaNode, name: string): fc.Arbitrary<unknown> {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? 1000;
  // Cut or padded to the bounds rather than filtered: a filter that rarely passes never ends.
  const fit = (text: string) => text.slice(0, maxLength).padEnd(minLength, 'x');
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).map(fit);
  switch (schema.format) {
    case 'date-time':
      return dateText;
    case 'date':
      return dateText.map((text) => text.slice(0, 10));
    case 'email':
      return fc.emailAddress().map(fit);
    case 'uri':
    case 'url':
      return fc.webUrl().map(fit);
  }
  const plain = fc.string({ minLength, maxLength: Math.max(minLength, Math.min(maxLength, 24)) });
  const options = [{ weight: 4, arbitrary: plain }];
  if (/date|_at$|before|after|start|end/.test(name)) options.push({ weight: 4, arbitrary: dateText.map(fit) });
  options.push({ weight: 1, arbitrary: hostileText.map(fit) });
  return fc.oneof(...options);
}

function validNumber(schema: SchemaNode, name: string): fc.Arbitrary<unknown> {
  const min = schema.minimum ?? -10;
  const max = schema.maximum ?? Number.MAX_SAFE_INTEGER;
  if (schema.type === 'integer') {
    // Counts stay tiny: every generated code is a row the store watcher hashes again and again.
    const spread = /count/.test(name) ? 3 : 100_000;
    return fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min, max: Math.min(max, min + 10) }) },
      { weight: 1, arbitrary: fc.integer({ min, max: Math.min(max, min + spread) }) },
    );
  }
  return fc.double({ min, max: Math.min(max, min + 10_000), noNaN: true, noDefaultInfinity: true });
}

function validObject(schema: SchemaNode, known: KnownValues, name: string, depth: number): fc.Arbitrary<unknown> {
  const properties = Object.entries(schema.properties ?? {});
  const isFreeForm = schema.additionalProperties !== false;
  if (properties.length === 0)
    return isFreeForm ? (name === 'metadata' ? freeForm : fc.oneof(freeForm, domainFields)) : fc.constant({});
  const record = fc.record(
    Object.fromEntries(properties.map(([key, child]) => [key, validValue(child, known, key, depth + 1)])),
    { requiredKeys: (schema.required ?? []).filter((key) => schema.properties?.[key]) },
  );
  if (!isFreeForm) return record;
  // Schemas such as the discount's name only `type`; the domain reads the rest.
  return fc.oneof(
    { weight: 3, arbitrary: record },
    {
      weight: 2,
      arbitrary: fc.tuple(domainFields, record).map(([extra, value]) => ({ ...extra, ...(value as object) })),
    },
  );
}

/** Values the schema accepts: within bounds, of the right kind, often naming objects that exist. */
export function validValue(schema: SchemaNode, known: KnownValues = {}, name = '', depth = 0): fc.Arbitrary<unknown> {
  if (depth > MAX_DEPTH) return fc.constant(sampleValue(schema));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum && schema.enum.length > 0) return withNull(schema, fc.constantFrom(...schema.enum));
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives && alternatives.length > 0) {
    return fc.oneof(...alternatives.map((alternative) => validValue(alternative, known, name, depth + 1)));
  }
  if (schema.allOf && schema.allOf.length > 0) {
    return fc
      .tuple(...schema.allOf.map((part) => validValue(part, known, name, depth + 1)))
      .map((parts) => Object.assign({}, ...parts.map((part) => (typeof part === 'object' ? part : {}))));
  }
  let arbitrary: fc.Arbitrary<unknown>;
  switch (schema.type) {
    case 'object':
      arbitrary = validObject(schema, known, name, depth);
      break;
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 3, 3));
      arbitrary = fc.array(validValue(schema.items ?? {}, known, name, depth + 1), { minLength, maxLength });
      break;
    }
    case 'integer':
    case 'number':
      arbitrary = validNumber(schema, name);
      break;
    case 'boolean':
      arbitrary = fc.boolean();
      break;
    case 'string':
      arbitrary = validString(schema, name);
      break;
    default:
      arbitrary = fc.jsonValue({ maxDepth: 2 });
  }
  const names = known[name];
  if (names && names.length > 0 && (schema.type === 'string' || schema.type === undefined)) {
    const fits = (text: string) => text.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY);
    const existing = names.filter(fits);
    if (existing.length > 0) arbitrary = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...existing) }, arbitrary);
  }
  return withNull(schema, arbitrary);
}

/** Values of this node the schema (or the domain behind it) should refuse. */
function wrongValue(schema: SchemaNode): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [hostileJson];
  const { minimum, maximum, maxLength, minLength, type } = schema;
  if (type === 'integer')
    options.push(fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)));
  if (type === 'integer' || type === 'number') {
    options.push(fc.constantFrom('1', '1.5', 'NaN', '', '1e3'));
    if (minimum !== undefined) options.push(fc.integer({ min: -1000, max: -1 }).map((n) => minimum + n));
    if (maximum !== undefined) options.push(fc.constantFrom(maximum + 1, maximum * 1000, maximum + 0.5));
  }
  if (type === 'string') {
    options.push(fc.constant('x'.repeat(HUGE_LENGTH)), fc.integer(), fc.constant(null), fc.constant(['x']));
    if (maxLength !== undefined) options.push(fc.integer({ min: 1, max: 5 }).map((n) => 'é'.repeat(maxLength + n)));
    if (minLength) options.push(fc.constant(''));
    if (schema.enum) options.push(fc.constantFrom('no_such_value', ...schema.enum.map((v) => String(v).toLowerCase())));
  }
  if (type === 'array' || type === 'object') options.push(fc.constantFrom('[]', '{}', 1, true));
  return fc.oneof(...options);
}

/** An object with one of its properties mutated, one required property missing, or hostile extras. */
function mutatedObject(schema: SchemaNode, known: KnownValues, name: string, depth: number): fc.Arbitrary<unknown> {
  const valid = validValue({ ...schema, nullable: false }, known, name, depth);
  const base = valid.map((value) => (value !== null && typeof value === 'object' ? value : {}));
  const options: fc.Arbitrary<unknown>[] = [
    fc
      .tuple(base, fc.array(fc.tuple(hostileKey, hostileJson), { minLength: 1, maxLength: 3 }))
      .map(([value, extras]) => objectOf([...Object.entries(value), ...extras])),
  ];
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    options.push(
      fc
        .tuple(base, mutatedValue(child, known, key, depth + 1))
        .map(([value, mutated]) => objectOf([...Object.entries(value).filter(([k]) => k !== key), [key, mutated]])),
    );
  }
  for (const key of schema.required ?? []) {
    options.push(base.map((value) => objectOf(Object.entries(value).filter(([k]) => k !== key))));
  }
  return fc.oneof(...options);
}

/** An array with one item mutated, too many or too few items, or nested deeper than any reader allows. */
function mutatedArray(schema: SchemaNode, known: KnownValues, name: string, depth: number): fc.Arbitrary<unknown> {
  const items = schema.items ?? {};
  const valid = validValue({ ...schema, nullable: false }, known, name, depth).map((v) => (Array.isArray(v) ? v : []));
  const options: fc.Arbitrary<unknown>[] = [
    fc.tuple(valid, mutatedValue(items, known, name, depth + 1), fc.nat()).map(([array, item, at]) => {
      const copy = [...array];
      copy.splice(at % (copy.length + 1), 0, item);
      return copy;
    }),
    fc.constant(nested(40, sampleValue(items))),
  ];
  const { maxItems, minItems } = schema;
  if (maxItems !== undefined && maxItems <= 10_000) {
    options.push(fc.constant(null).map(() => Array.from({ length: maxItems + 1 }, () => sampleValue(items))));
  }
  if (minItems) options.push(fc.constant([]));
  return fc.oneof(...options);
}

/** Values near the schema with one thing wrong or hostile: the fuzzer's mutations. */
export function mutatedValue(schema: SchemaNode, known: KnownValues = {}, name = '', depth = 0): fc.Arbitrary<unknown> {
  if (depth > MAX_DEPTH) return wrongValue(schema);
  const options: { weight: number; arbitrary: fc.Arbitrary<unknown> }[] = [
    { weight: 2, arbitrary: wrongValue(schema) },
  ];
  if (schema.type === 'object') options.push({ weight: 4, arbitrary: mutatedObject(schema, known, name, depth) });
  if (schema.type === 'array') options.push({ weight: 3, arbitrary: mutatedArray(schema, known, name, depth) });
  return fc.oneof(...options);
}
