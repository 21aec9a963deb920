import fc from 'fast-check';
import { HOSTILE_STRINGS } from './hostile-values.js';

/** JSON values that break servers, and the means to write them as JSON text. */

/** A piece of JSON text written as it is, for what `JSON.stringify` cannot say: `1e999`, `-0`, 40 digits. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON text of a generated value; RawJson pieces are written verbatim, `__proto__` keys kept as data. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value).map(
      (key) => `${JSON.stringify(key)}:${toJsonText((value as Record<string, unknown>)[key])}`,
    );
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** An object with these own properties, `__proto__` and `constructor` included as plain keys. */
export function objectOf(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return object;
}

/** The longest string the fuzzer sends in one field: far past every maxLength, well under the body limit. */
export const HUGE_LENGTH = 100_000;

/** Text that has broken servers: SQL, JSON and template injection, unicode, control characters, bulk. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(
    "'; SELECT pg_sleep(1); --",
    '" OR 1=1 --',
    "1' UNION SELECT * FROM api_keys --",
    '{"$gt": ""}',
    '","admin":true,"x":"',
    '\\u0000',
    '\ud83d',
    '\udc00abc',
    '\u200f\u202eRTL\u202c',
    '🎉👩‍👩‍👧‍👦🏳️‍🌈',
    '\u0008\u001b[31m',
    '\ufeff',
    'NaN',
    'Infinity',
    '-Infinity',
    '1e309',
    '0x1F',
    ' 1 ',
    '-0',
    'null',
    'true',
    '[]',
    '{}',
    'constructor',
    '__proto__',
    'toString',
  ),
  fc.constantFrom('x', 'é', '🎉', '\u0000', "'").map((unit) => unit.repeat(HUGE_LENGTH / unit.length)),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

export const hostileNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    -1,
    0,
    -0.5,
    0.5,
    1.5,
    2 ** 31,
    2 ** 53,
    2 ** 63,
    -(2 ** 63),
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    1e20,
    1e308,
    -1e308,
    5e-324,
  ),
  fc
    .constantFrom('1e999', '-1e999', '-0', '1.0', '123456789012345678901234567890', '0.1e1', '1E+2')
    .map((text) => new RawJson(text)),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Keys that pollute prototypes or look like operators to a query builder. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '$where', '$gt', 'id', ''),
  fc.string({ maxLength: 12 }),
  hostileText.map((text) => text.slice(0, 200)),
);

/** Arrays or objects nested `depth` levels around a leaf; past 32 levels the JSON reader refuses them. */
export function nested(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { n: value };
  return value;
}

/** Any JSON worth sending where a schema expects something else. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileText },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.tuple(hostileKey, fc.jsonValue({ maxDepth: 2 })), { minLength: 1, maxLength: 3 })
      .map(objectOf),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer({ min: 1, max: 40 }), fc.jsonValue({ maxDepth: 1 })).map(([d, l]) => nested(d, l)),
  },
  { weight: 1, arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }) },
);
