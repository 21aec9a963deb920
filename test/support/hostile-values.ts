import fc from 'fast-check';
import { type SchemaNode, sampleValue } from './route-table.js';

/** Text that has broken other servers: quotes, SQL, wildcards, unicode, control characters, paths, bulk. */
export const HOSTILE_STRINGS = [
  "'",
  '"',
  "' OR '1'='1",
  '1; DROP TABLE customers; --',
  '%',
  '_',
  '*',
  'żółć 🎉 \u202e漢字',
  '\ud800',
  '\u0000',
  'a\u0000b',
  '\n',
  '\r\n\t',
  '\u001f\u007f',
  '../',
  '../../etc/passwd',
  '\\',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '$where',
  'x'.repeat(10_000),
  'é'.repeat(10_000),
];

export type JsonKind = 'string' | 'integer' | 'fraction' | 'boolean' | 'null' | 'object' | 'array';
const ALL_KINDS: JsonKind[] = ['string', 'integer', 'fraction', 'boolean', 'null', 'object', 'array'];
const KIND_EXAMPLES: Record<JsonKind, unknown> = {
  string: 'wrong',
  integer: 7,
  fraction: 1.5,
  boolean: true,
  null: null,
  object: { nested: 'wrong' },
  array: ['wrong'],
};
const KIND_VALUES: Record<JsonKind, fc.Arbitrary<unknown>> = {
  string: fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ unit: 'binary', maxLength: 30 })),
  integer: fc.oneof(fc.integer(), fc.constantFrom(-1, 0, Number.MAX_SAFE_INTEGER, -(2 ** 63))),
  fraction: fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)),
  boolean: fc.boolean(),
  null: fc.constant(null),
  object: fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
  array: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
};

export function kindOf(value: unknown): JsonKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'fraction';
  return typeof value as JsonKind;
}

/** The kinds of JSON value a schema accepts, or undefined when it accepts anything. */
export function acceptedKinds(schema: SchemaNode): Set<JsonKind> | undefined {
  let kinds: Set<JsonKind>;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    kinds = new Set();
    for (const alternative of alternatives) {
      const accepted = acceptedKinds(alternative);
      if (!accepted) return undefined;
      for (const kind of accepted) kinds.add(kind);
    }
  } else if (schema.enum) {
    kinds = new Set(schema.enum.map(kindOf));
  } else if (schema.const !== undefined) {
    kinds = new Set([kindOf(schema.const)]);
  } else if (schema.type === 'number') {
    kinds = new Set(['integer', 'fraction']);
  } else if (schema.type && ALL_KINDS.includes(schema.type as JsonKind)) {
    kinds = new Set([schema.type as JsonKind]);
  } else {
    return undefined;
  }
  if (schema.nullable) kinds.add('null');
  return kinds;
}

/** One value of each kind the schema refuses, for the exhaustive wrong-type test. */
export function wrongExamples(schema: SchemaNode): unknown[] {
  const accepted = acceptedKinds(schema);
  if (!accepted) return [];
  return ALL_KINDS.filter((kind) => !accepted.has(kind)).map((kind) => KIND_EXAMPLES[kind]);
}

/** Values the schema refuses: other kinds, unknown enum values, too long, out of bounds, bad formats. */
function wrongValue(schema: SchemaNode): fc.Arbitrary<unknown> | undefined {
  const accepted = acceptedKinds(schema);
  if (!accepted) return undefined;
  const options = ALL_KINDS.filter((kind) => !accepted.has(kind)).map((kind) => KIND_VALUES[kind]);
  if (schema.enum) options.push(fc.string({ maxLength: 20 }).filter((s) => !schema.enum?.includes(s)));
  if (accepted.has('string') && !schema.enum) {
    const { maxLength, minLength, format } = schema;
    if (maxLength !== undefined) options.push(fc.integer({ min: 1, max: 50 }).map((n) => 'x'.repeat(maxLength + n)));
    if (minLength) options.push(fc.constant('x'.repeat(minLength - 1)));
    if (format && ['date', 'date-time', 'email', 'uri'].includes(format)) options.push(fc.constant(`not a ${format}`));
  }
  if (schema.minimum !== undefined) options.push(fc.constant(schema.minimum - 1));
  if (schema.maximum !== undefined) options.push(fc.constant(schema.maximum + 1));
  return options.length > 0 ? fc.oneof(...options) : undefined;
}

/** Objects with at least one known property of a refused value, among arbitrary extra properties. */
function invalidObject(schema: SchemaNode): fc.Arbitrary<unknown> | undefined {
  const wrong = Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const arbitrary = wrongValue(property);
    return arbitrary ? [arbitrary.map((value) => [name, value] as const)] : [];
  });
  if (wrong.length === 0) return undefined;
  const extras = fc.dictionary(
    fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'id', '$where')),
    fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(...HOSTILE_STRINGS)),
    { maxKeys: 4 },
  );
  return fc
    .tuple(extras, fc.oneof(...wrong))
    .map(([more, [name, value]]) => ({ ...(sampleValue(schema) as object), ...more, [name]: value }));
}

/** Bodies the route's schema must refuse, whatever the route does with valid ones. */
export function hostileBody(schema: SchemaNode): fc.Arbitrary<unknown> {
  const isArray = schema.type === 'array';
  const wrongShape = fc
    .jsonValue({ maxDepth: 3 })
    .filter((v) => (isArray ? !Array.isArray(v) : kindOf(v) !== 'object'));
  const invalid = isArray && schema.items ? invalidObject(schema.items) : invalidObject(schema);
  if (!invalid) return wrongShape;
  const shaped = isArray
    ? fc
        .tuple(fc.nat({ max: 2 }), invalid)
        .map(([valid, bad]) => [...Array.from({ length: valid }, () => sampleValue(schema.items ?? {})), bad])
    : invalid;
  return fc.oneof({ weight: 1, arbitrary: wrongShape }, { weight: 4, arbitrary: shaped });
}
