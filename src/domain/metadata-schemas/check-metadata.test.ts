import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Metadata } from '../metadata.js';
import { checkMetadataAgainstSchema, metadataValidationFailed } from './check-metadata.js';
import type { MetadataRules, PropertyDefinitions } from './metadata-schema.js';
import { parseDefinitions } from './parse-definitions.js';

function rulesOf(raw: Record<string, unknown>, allowDefinedOnly = false): MetadataRules {
  const parsed = parseDefinitions(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return { properties: parsed.properties, allow_defined_only: allowDefinedOnly };
}

function fieldsOf(rules: MetadataRules, metadata: Metadata, nested?: Record<string, MetadataRules>): string[] {
  return checkMetadataAgainstSchema(rules, metadata, { nested: (name) => nested?.[name] }).map((p) => p.field);
}

describe('checkMetadataAgainstSchema: types', () => {
  it.each([
    ['string', 'abc', 3],
    ['number', 1.5, '1.5'],
    ['boolean', false, 'false'],
    ['date', '2024-02-29', '2023-02-29'],
    ['date', '2026-01-31', '2026-01-31T10:00:00Z'],
    ['datetime', '2026-01-31T10:00:00.000Z', '2026-01-31'],
    ['datetime', '2026-01-31T10:00+02:00', '2026-01-31T25:00:00Z'],
    ['image_url', 'https://cdn.example.com/a.png', 'ftp://example.com/a.png'],
    ['image_url', 'http://example.com/a.png', 'not a url'],
    ['geopoint', { latitude: 52.2, longitude: 21 }, { latitude: 91, longitude: 0 }],
    ['geopoint', { latitude: -33.9, longitude: 151.2 }, [52.2, 21]],
    ['object', { any: 'thing' }, ['not', 'an', 'object']],
  ])('%s accepts %j and refuses %j', (type, good, bad) => {
    const rules = rulesOf({ f: { type } });
    expect(checkMetadataAgainstSchema(rules, { f: good })).toEqual([]);
    expect(checkMetadataAgainstSchema(rules, { f: bad })).toEqual([
      { field: 'f', reason: expect.stringContaining('must be') },
    ]);
  });

  it("quotes the value as Voucherify does: `must be a number (actual value is 'true')`", () => {
    expect(checkMetadataAgainstSchema(rulesOf({ Ranking: { type: 'number' } }), { Ranking: true })).toEqual([
      { field: 'Ranking', reason: "must be a number (actual value is 'true')" },
    ]);
  });
});

describe('checkMetadataAgainstSchema: constraints', () => {
  it.each([
    [{ type: 'string', eq: ['EU', 'US'] }, 'EU', 'APAC', 'must be one of: EU, US'],
    [{ type: 'number', eq: [1, 2] }, 2, 3, 'must be one of: 1, 2'],
    [{ type: 'number', ne: [0] }, 1, 0, 'must not be any of: 0'],
    [{ type: 'number', lt: 10 }, 9.99, 10, 'must be less than 10'],
    [{ type: 'number', lte: 10 }, 10, 10.01, 'must be less than or equal to 10'],
    [{ type: 'number', gt: 0 }, 0.01, 0, 'must be more than 0'],
    [{ type: 'number', gte: 0 }, 0, -1, 'must be more than or equal to 0'],
    [{ type: 'string', min_length: 2 }, 'ab', 'a', 'at least 2'],
    [{ type: 'string', max_length: 2 }, 'ab', 'abc', 'at most 2'],
    [{ type: 'string', exact_length: 2 }, '😀😀', 'abc', 'exactly 2'],
  ])('%j accepts %j and refuses %j', (definition, good, bad, reason) => {
    const rules = rulesOf({ f: definition });
    expect(checkMetadataAgainstSchema(rules, { f: good })).toEqual([]);
    expect(checkMetadataAgainstSchema(rules, { f: bad })).toEqual([
      { field: 'f', reason: expect.stringContaining(reason) },
    ]);
  });
});

describe('checkMetadataAgainstSchema: presence, arrays, nesting, unknown keys', () => {
  const rules = rulesOf(
    {
      tier: { type: 'string', optional: false },
      tags: { type: 'string', array: true, max_length: 3 },
      address: { type: 'object', object_type: 'Address' },
      stops: { type: 'object', array: true, object_type: 'Address' },
      old: { type: 'number', deleted: true, optional: false },
    },
    true,
  );
  const nested = { Address: rulesOf({ city: { type: 'string', optional: false }, zip: { type: 'number' } }) };

  it.each<[string, Metadata, string[]]>([
    ['everything right', { tier: 'vip', tags: ['a', 'b'], address: { city: 'Oslo' } }, []],
    ['a mandatory field missing', {}, ['tier']],
    ['a mandatory field null', { tier: null }, ['tier']],
    ['an array that is not one', { tier: 'x', tags: 'a' }, ['tags']],
    ['an array item that breaks the rule', { tier: 'x', tags: ['a', 'long'] }, ['tags[1]']],
    ['a nested object field', { tier: 'x', address: { city: 3 } }, ['address.city']],
    ['a nested mandatory field', { tier: 'x', stops: [{ city: 'A' }, { zip: 1 }] }, ['stops[1].city']],
    ['a deleted definition is not checked, and its values are kept', { tier: 'x', old: 'text' }, []],
    ['an unknown key when only defined keys are allowed', { tier: 'x', colour: 'red' }, ['colour']],
  ])('%s', (_name, metadata, fields) => {
    expect(fieldsOf(rules, metadata, nested)).toEqual(fields);
  });

  it('lets unknown keys through when the schema allows them', () => {
    expect(fieldsOf({ ...rules, allow_defined_only: false }, { tier: 'x', colour: 'red' }, nested)).toEqual([]);
  });

  it('accepts any object when the nested schema does not exist', () => {
    expect(fieldsOf(rules, { tier: 'x', address: { city: 3 } })).toEqual([]);
  });

  it('checks only the keys given in partial mode', () => {
    expect(checkMetadataAgainstSchema(rules, { tags: ['a'] }, { mode: 'partial' })).toEqual([]);
    expect(checkMetadataAgainstSchema(rules, { tier: null }, { mode: 'partial' })).toEqual([
      { field: 'tier', reason: 'is required' },
    ]);
  });

  it('does not read keys from the prototype', () => {
    const proto = rulesOf(JSON.parse('{"__proto__": {"type": "number", "optional": false}}'));
    expect(fieldsOf(proto, {})).toEqual(['__proto__']);
    expect(fieldsOf(rulesOf({ toString: { type: 'number' } }), {})).toEqual([]);
  });
});

describe('metadataValidationFailed', () => {
  it('is a 400 naming every field in its message and details', () => {
    const error = metadataValidationFailed([
      { field: 'tier', reason: 'is required' },
      { field: 'tags[1]', reason: 'must be a string' },
    ]);
    expect(error.key).toBe('metadata_validation_failed');
    expect(error.code).toBe(400);
    expect(error.message).toBe('Metadata validation failed for tier, tags[1]');
    expect(error.details).toBe('tier: is required; tags[1]: must be a string');
  });
});

const SIMPLE_TYPES = ['string', 'number', 'boolean'] as const;
const arbitraryOf = {
  string: fc.string(),
  number: fc.double({ noNaN: true, noDefaultInfinity: true }),
  boolean: fc.boolean(),
};
const names = fc.uniqueArray(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 1, maxLength: 6 });

/** A schema of simple typed properties, and metadata that gives every property a value of its type. */
const schemaWithValues = names.chain((keys) =>
  fc.tuple(...keys.map(() => fc.tuple(fc.constantFrom(...SIMPLE_TYPES), fc.boolean()))).chain((specs) => {
    const properties: PropertyDefinitions = {};
    keys.forEach((key, i) => {
      const [type, optional] = specs[i] as [(typeof SIMPLE_TYPES)[number], boolean];
      properties[key] = { type, optional, array: false, deleted: false, object_type: null };
    });
    const values = fc.tuple(...keys.map((key) => arbitraryOf[(properties[key] as { type: 'string' }).type]));
    return values.map((vals) => ({
      rules: { properties, allow_defined_only: true },
      metadata: Object.fromEntries(keys.map((key, i) => [key, vals[i]])),
    }));
  }),
);

describe('checkMetadataAgainstSchema properties', () => {
  it('metadata with a value of the right type for every property conforms', () => {
    fc.assert(
      fc.property(schemaWithValues, ({ rules, metadata }) => {
        expect(checkMetadataAgainstSchema(rules, metadata)).toEqual([]);
      }),
    );
  });

  it('removing a key fails exactly when that property is mandatory, and names it', () => {
    fc.assert(
      fc.property(schemaWithValues, fc.nat(), ({ rules, metadata }, pick) => {
        const keys = Object.keys(metadata);
        const key = keys[pick % keys.length] as string;
        const { [key]: _removed, ...rest } = metadata;
        const problems = checkMetadataAgainstSchema(rules, rest);
        const mandatory = !rules.properties[key]?.optional;
        expect(problems).toEqual(mandatory ? [{ field: key, reason: 'is required' }] : []);
      }),
    );
  });

  it('a number passes gte/lt bounds exactly when it lies in [gte, lt)', () => {
    const number = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
    fc.assert(
      fc.property(number, number, number, (value, a, b) => {
        const [gte, lt] = a <= b ? [a, b] : [b, a];
        const rules = rulesOf({ f: { type: 'number', gte, lt } });
        const passes = checkMetadataAgainstSchema(rules, { f: value }).length === 0;
        expect(passes).toBe(value >= gte && value < lt);
      }),
    );
  });
});
