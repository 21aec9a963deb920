import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { DEFAULT_CHARSET, type NormalizedCodeConfig, normalizeCodeConfig } from './code-config.js';
import { generateCode, generateCodes, type RandomChars } from './generate-code.js';
import { assertKeyspaceFits, keyspaceSize } from './keyspace.js';

/** A repeatable `randomChars` for tests (mulberry32), uniform enough to exercise collisions. */
function seededRandomChars(charset: string, seed: number): RandomChars {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (count) => {
    let chars = '';
    for (let index = 0; index < count; index += 1) chars += charset[Math.floor(next() * charset.length)];
    return chars;
  };
}

const CHARACTERS = [...`${DEFAULT_CHARSET}-_.ĄŁśż`];
const LITERALS = [...'ABCxyz019-_.'];

/** Valid code configs: a charset, optional prefix and postfix, and a length or a pattern. */
const codeConfigArbitrary: fc.Arbitrary<NormalizedCodeConfig> = fc
  .record({
    charset: fc
      .uniqueArray(fc.constantFrom(...CHARACTERS), { minLength: 1, maxLength: 40 })
      .map((chars) => chars.join('')),
    prefix: fc.option(fc.string({ unit: fc.constantFrom(...LITERALS), maxLength: 6 })),
    postfix: fc.option(fc.string({ unit: fc.constantFrom(...LITERALS), maxLength: 6 })),
    body: fc.oneof(
      fc.integer({ min: 1, max: 12 }).map((length) => ({ length })),
      fc
        .array(fc.oneof(fc.constant('#'), fc.constantFrom(...LITERALS)), { minLength: 1, maxLength: 12 })
        .map((parts) => ({ pattern: parts.includes('#') ? parts.join('') : `${parts.join('')}#` })),
    ),
  })
  .map(({ charset, prefix, postfix, body }) => normalizeCodeConfig({ charset, prefix, postfix, ...body }));

function fitsKeyspace(config: NormalizedCodeConfig, wanted: number, existing: number, caseSensitive: boolean): boolean {
  try {
    assertKeyspaceFits(config, wanted, existing, caseSensitive);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.key === 'invalid_payload') return false;
    throw error;
  }
}

describe('generateCode properties', () => {
  it('every code matches the pattern: literals in place, random positions from the charset', () => {
    fc.assert(
      fc.property(codeConfigArbitrary, fc.integer(), (config, seed) => {
        const code = generateCode(config, seededRandomChars(config.charset, seed));
        expect(code).toHaveLength(config.pattern.length);
        [...config.pattern].forEach((mark, index) => {
          const char = code[index] ?? '';
          if (mark === '#') expect(config.charset).toContain(char);
          else expect(char).toBe(mark);
        });
      }),
    );
  });
});

describe('generateCodes properties', () => {
  it('gives distinct codes, never a taken one, under either case sensitivity', () => {
    fc.assert(
      fc.property(
        codeConfigArbitrary,
        fc.integer(),
        fc.integer({ min: 0, max: 300 }),
        fc.boolean(),
        (config, seed, wanted, caseSensitive) => {
          const room = Number(keyspaceSize(config, caseSensitive) / 10n);
          const count = Math.min(wanted, room);
          const taken = new Set(generateCodes(config, Math.min(5, room), seededRandomChars(config.charset, ~seed)));
          const key = (code: string): string => (caseSensitive ? code : code.toLowerCase());
          const takenKeys = new Set([...taken].map(key));
          const codes = generateCodes(config, count, seededRandomChars(config.charset, seed), {
            caseSensitive,
            isTaken: (code) => takenKeys.has(key(code)),
          });
          expect(codes).toHaveLength(count);
          expect(new Set(codes.map(key)).size).toBe(count);
          for (const code of codes) expect(takenKeys.has(key(code))).toBe(false);
        },
      ),
    );
  });
});

describe('keyspace properties', () => {
  it('is the number of distinct characters to the power of the # count', () => {
    fc.assert(
      fc.property(codeConfigArbitrary, fc.boolean(), (config, caseSensitive) => {
        const characters = new Set([...config.charset].map((char) => (caseSensitive ? char : char.toLowerCase())));
        const hashes = [...config.pattern].filter((char) => char === '#').length;
        let expected = 1n;
        for (let index = 0; index < hashes; index += 1) expected *= BigInt(characters.size);
        expect(keyspaceSize(config, caseSensitive)).toBe(expected);
        expect(keyspaceSize(config, caseSensitive)).toBe(BigInt(characters.size) ** BigInt(hashes));
      }),
    );
  });

  it('refuses exactly when the keyspace is less than 10 × (existing + wanted)', () => {
    fc.assert(
      fc.property(
        codeConfigArbitrary,
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.boolean(),
        (given, wanted, existing, caseSensitive) => {
          const fits = keyspaceSize(given, caseSensitive) >= 10n * BigInt(wanted + existing);
          expect(fitsKeyspace(given, wanted, existing, caseSensitive)).toBe(fits);
        },
      ),
    );
  });

  it('fits up to a tenth of the keyspace and not one code more', () => {
    fc.assert(
      fc.property(codeConfigArbitrary, fc.boolean(), fc.nat(), (config, caseSensitive, split) => {
        const limit = keyspaceSize(config, caseSensitive) / 10n;
        fc.pre(limit < 1_000_000_000n);
        const total = Number(limit);
        const existing = split % (total + 1);
        expect(fitsKeyspace(config, total - existing, existing, caseSensitive)).toBe(true);
        expect(fitsKeyspace(config, total - existing + 1, existing, caseSensitive)).toBe(false);
      }),
    );
  });
});
