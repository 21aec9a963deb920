import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import {
  checkRelatedObject,
  type DefinitionProblem,
  invalidDefinition,
  MAX_PROPERTIES,
  mergeDefinitions,
  parseDefinitions,
} from './parse-definitions.js';

function problemsOf(raw: unknown): DefinitionProblem[] {
  const result = parseDefinitions(raw);
  return result.ok ? [] : result.problems;
}

describe('parseDefinitions accepts', () => {
  it("Voucherify's management example, filling the defaults", () => {
    const result = parseDefinitions({
      region: { type: 'string', array: true, optional: false, object_type: null, eq: ['EMEA', 'APAC'] },
      price: { type: 'number', lt: 9.5, lte: 10.5, ne: [3] },
      code: { type: 'string', min_length: 2, max_length: 5 },
      address: { type: 'object', object_type: 'Address' },
      seen: { type: 'datetime', deleted: true },
    });
    expect(result).toEqual({
      ok: true,
      properties: {
        region: {
          type: 'string',
          array: true,
          optional: false,
          deleted: false,
          object_type: null,
          eq: ['EMEA', 'APAC'],
        },
        price: {
          type: 'number',
          array: false,
          optional: true,
          deleted: false,
          object_type: null,
          lt: 9.5,
          lte: 10.5,
          ne: [3],
        },
        code: {
          type: 'string',
          array: false,
          optional: true,
          deleted: false,
          object_type: null,
          min_length: 2,
          max_length: 5,
        },
        address: { type: 'object', array: false, optional: true, deleted: false, object_type: 'Address' },
        seen: { type: 'datetime', array: false, optional: true, deleted: true, object_type: null },
      },
    });
  });

  it("the SDK's camelCase spellings, as a schema read from /v1 and sent back", () => {
    const result = parseDefinitions({ code: { type: 'string', objectType: null, exactLength: 4, maxLength: 9 } });
    expect(result.ok && result.properties.code).toMatchObject({ exact_length: 4, max_length: 9, object_type: null });
  });

  it('an empty allowed-values list as no constraint', () => {
    const result = parseDefinitions({ tag: { type: 'string', eq: [] } });
    expect(result.ok && result.properties.tag?.eq).toBeUndefined();
  });

  it('`__proto__` as a property name of its own', () => {
    const result = parseDefinitions(JSON.parse('{"__proto__": {"type": "string"}}'));
    expect(result.ok && Object.hasOwn(result.properties, '__proto__')).toBe(true);
  });
});

describe('parseDefinitions refuses, naming the property', () => {
  it.each([
    ['properties not an object', [], 'properties', 'must be an object'],
    ['a definition not an object', { a: 'string' }, 'properties.a', 'must be an object'],
    ['a missing type', { a: {} }, 'properties.a.type', 'is required'],
    ['an unknown type', { a: { type: 'text' } }, 'properties.a.type', 'must be one of string, number'],
    ['a flag that is not a boolean', { a: { type: 'string', optional: 'no' } }, 'properties.a.optional', 'boolean'],
    ['an unknown field', { a: { type: 'string', max_lenght: 3 } }, 'properties.a.max_lenght', 'not a definition field'],
    ['a length on a number', { a: { type: 'number', max_length: 3 } }, 'properties.a.max_length', 'string type'],
    ['a negative length', { a: { type: 'string', min_length: -1 } }, 'properties.a.min_length', 'integer'],
    ['a fractional length', { a: { type: 'string', exact_length: 1.5 } }, 'properties.a.exact_length', 'integer'],
    ['min above max', { a: { type: 'string', min_length: 5, max_length: 2 } }, 'properties.a.min_length', 'max_length'],
    ['a bound on a string', { a: { type: 'string', lt: 3 } }, 'properties.a.lt', 'number type'],
    ['a bound that is not a number', { a: { type: 'number', gte: '3' } }, 'properties.a.gte', 'must be a number'],
    ['allowed values on a boolean', { a: { type: 'boolean', eq: [true] } }, 'properties.a.eq', 'string and number'],
    ['a number among strings', { a: { type: 'string', eq: ['x', 2] } }, 'properties.a.eq[1]', 'must be a string'],
    ['allowed values not a list', { a: { type: 'number', eq: 3 } }, 'properties.a.eq', 'must be an array'],
    ['object_type on a string', { a: { type: 'string', object_type: 'X' } }, 'properties.a.object_type', 'object type'],
    [
      'an empty object_type',
      { a: { type: 'object', object_type: '' } },
      'properties.a.object_type',
      'name of a schema',
    ],
    ['a blank property name', { ' ': { type: 'string' } }, 'properties. ', '1 to'],
  ])('%s', (_name, raw, path, message) => {
    const problems = problemsOf(raw);
    expect(problems).toContainEqual({ path, message: expect.stringContaining(message) });
  });

  it('too many definitions', () => {
    const raw = Object.fromEntries(Array.from({ length: MAX_PROPERTIES + 1 }, (_, i) => [`p${i}`, { type: 'string' }]));
    expect(problemsOf(raw)).toEqual([{ path: 'properties', message: expect.stringContaining(`${MAX_PROPERTIES}`) }]);
  });

  it('every problem at once, in one invalid_payload error', () => {
    const problems = problemsOf({ a: { type: 'nope' }, b: { type: 'number', max_length: 1 } });
    expect(problems.map((p) => p.path)).toEqual(['properties.a.type', 'properties.b.max_length']);
    const error = invalidDefinition(problems);
    expect(error).toBeInstanceOf(AppError);
    expect(error.key).toBe('invalid_payload');
    expect(error.details).toContain('properties.a.type');
    expect(error.details).toContain('properties.b.max_length');
  });
});

describe('mergeDefinitions', () => {
  const stored = parseDefinitions({ a: { type: 'string', max_length: 3 }, b: { type: 'number', deleted: true } });
  const storedProperties = stored.ok ? stored.properties : {};

  it('replaces a sent definition whole and keeps the rest', () => {
    const sent = parseDefinitions({ a: { type: 'string', optional: false }, c: { type: 'boolean' } });
    const merged = mergeDefinitions(storedProperties, sent.ok ? sent.properties : {});
    expect(merged.ok && Object.keys(merged.properties)).toEqual(['a', 'b', 'c']);
    expect(merged.ok && merged.properties.a).toEqual({
      type: 'string',
      array: false,
      optional: false,
      deleted: false,
      object_type: null,
    });
  });

  it("refuses to change a live property's type, but lets a removed one come back as another", () => {
    const sent = parseDefinitions({ a: { type: 'number' }, b: { type: 'string' } });
    const merged = mergeDefinitions(storedProperties, sent.ok ? sent.properties : {});
    expect(merged).toEqual({
      ok: false,
      problems: [{ path: 'properties.a.type', message: 'cannot change from string' }],
    });
  });
});

describe('checkRelatedObject', () => {
  it.each([
    ['campaign', true],
    ['Test-MANAPI-custom-schema-01', true],
    ['', false],
    ['   ', false],
    ['x'.repeat(101), false],
    [3, false],
  ])('%j is acceptable: %s', (value, ok) => {
    expect(checkRelatedObject(value).length === 0).toBe(ok);
  });
});
