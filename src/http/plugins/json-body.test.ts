import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNestedDeeperThan } from './json-body.js';
import { findNulCharacter } from './validation.js';

function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + Math.max(0, ...children.map(depthOf));
}

describe('isNestedDeeperThan', () => {
  it.each([
    ['1', 0, false],
    ['{}', 0, true],
    ['{}', 1, false],
    ['[[[]]]', 2, true],
    ['[[[]]]', 3, false],
    ['{"a":"[[[[[["}', 1, false],
    ['{"a":"\\"[[[["}', 1, false],
    ['{"a":"\\\\","b":[[]]}', 2, true],
    ['[{}, {}, [{}]]', 3, false],
  ])('%s deeper than %i: %s', (text, limit, expected) => {
    expect(isNestedDeeperThan(text, limit)).toBe(expected);
  });

  it('agrees with the depth of the parsed value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.nat({ max: 8 }), (value, limit) => {
        expect(isNestedDeeperThan(JSON.stringify(value), limit)).toBe(depthOf(value) > limit);
      }),
    );
  });
});

describe('findNulCharacter', () => {
  it.each([
    ['clean', { a: ['b', { c: 'd' }] }, undefined],
    ['in a string', 'a\u0000b', ''],
    ['in a nested value', { a: [1, { b: 'x\u0000' }] }, '.a[1].b'],
    ['in a key', { a: { 'k\u0000': 1 } }, '.a.k\\u0000'],
  ])('finds it %s', (_label, value, expected) => {
    expect(findNulCharacter(value)).toBe(expected);
  });
});
