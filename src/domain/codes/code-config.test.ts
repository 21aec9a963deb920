import { describe, expect, it } from 'vitest';
import type { CodeConfig } from '../campaigns/campaign.js';
import { AppError } from '../errors.js';
import { countRandomPositions, DEFAULT_CHARSET, normalizeCodeConfig } from './code-config.js';

function detailsOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError && error.key === 'invalid_payload') return error.details;
    throw error;
  }
  throw new Error('expected invalid_payload');
}

describe('normalizeCodeConfig', () => {
  it.each<{ name: string; config: CodeConfig | undefined; defaultCharset?: string; expected: object }>([
    {
      name: 'no config: 8 alphanumerics',
      config: undefined,
      expected: { charset: DEFAULT_CHARSET, pattern: '########' },
    },
    {
      name: 'all null',
      config: { length: null, charset: null, prefix: null, postfix: null, pattern: null },
      expected: { charset: DEFAULT_CHARSET, pattern: '########' },
    },
    { name: 'length', config: { length: 5 }, expected: { charset: DEFAULT_CHARSET, pattern: '#####' } },
    {
      name: 'prefix and postfix around the length',
      config: { length: 3, prefix: 'SUMMER-', postfix: '-2024' },
      expected: { charset: DEFAULT_CHARSET, pattern: 'SUMMER-###-2024' },
    },
    {
      name: 'pattern overrides length',
      config: { length: 20, pattern: 'AB-##-##' },
      expected: { charset: DEFAULT_CHARSET, pattern: 'AB-##-##' },
    },
    {
      name: 'pattern with prefix and postfix',
      config: { pattern: '##-##', prefix: 'X', postfix: 'Y' },
      expected: { charset: DEFAULT_CHARSET, pattern: 'X##-##Y' },
    },
    {
      name: 'custom charset',
      config: { charset: '0123456789', length: 4 },
      expected: { charset: '0123456789', pattern: '####' },
    },
    {
      name: "the project's default charset",
      config: { length: 2 },
      defaultCharset: 'ABC',
      expected: { charset: 'ABC', pattern: '##' },
    },
    {
      name: 'a config charset beats the default',
      config: { charset: 'xy' },
      defaultCharset: 'ABC',
      expected: { charset: 'xy', pattern: '########' },
    },
    {
      name: 'non-ASCII letters',
      config: { charset: 'ĄĘŁŃÓŚŹŻ', length: 1 },
      expected: { charset: 'ĄĘŁŃÓŚŹŻ', pattern: '#' },
    },
    {
      name: 'the longest code',
      config: { length: 100, prefix: 'P'.repeat(50), postfix: 'Q'.repeat(50) },
      expected: { charset: DEFAULT_CHARSET, pattern: `${'P'.repeat(50)}${'#'.repeat(100)}${'Q'.repeat(50)}` },
    },
    {
      name: 'a 256-character charset',
      config: { charset: Array.from({ length: 256 }, (_, i) => String.fromCharCode(0x100 + i)).join('') },
      expected: { pattern: '########' },
    },
  ])('$name', ({ config, defaultCharset, expected }) => {
    expect(normalizeCodeConfig(config, defaultCharset)).toMatchObject(expected);
  });

  it.each<[CodeConfig, string]>([
    [{ charset: '' }, 'Property .code_config.charset should be a non-empty string'],
    [{ charset: 'ABCA' }, "Property .code_config.charset should not repeat the character 'A'"],
    [{ charset: 'AB#' }, "Property .code_config.charset should not contain '#'"],
    [{ charset: 'A B' }, 'Property .code_config.charset should not contain whitespace or control characters'],
    [{ charset: 'AB\u0000' }, 'Property .code_config.charset should not contain whitespace or control characters'],
    [{ charset: 'AB\u200b' }, 'Property .code_config.charset should not contain whitespace or control characters'],
    [
      { charset: 'AB😀' },
      'Property .code_config.charset should not contain emoji or other characters outside the Basic Multilingual Plane',
    ],
    [
      { charset: Array.from({ length: 257 }, (_, i) => String.fromCharCode(0x100 + i)).join('') },
      'Property .code_config.charset should not have more than 256 characters',
    ],
    [{ length: 0 }, 'Property .code_config.length should be an integer from 1 to 100'],
    [{ length: 101 }, 'Property .code_config.length should be an integer from 1 to 100'],
    [{ length: 2.5 }, 'Property .code_config.length should be an integer from 1 to 100'],
    [{ pattern: 'ABC' }, "Property .code_config.pattern should contain at least one '#'"],
    [{ pattern: '' }, "Property .code_config.pattern should contain at least one '#'"],
    [{ pattern: '## ##' }, 'Property .code_config.pattern should not contain whitespace or control characters'],
    [{ pattern: '##\t' }, 'Property .code_config.pattern should not contain whitespace or control characters'],
    [{ prefix: 'A#' }, "Property .code_config.prefix should not contain '#'"],
    [{ postfix: '#' }, "Property .code_config.postfix should not contain '#'"],
    [{ prefix: 'NEW YEAR' }, 'Property .code_config.prefix should not contain whitespace or control characters'],
    [{ postfix: 'x\n' }, 'Property .code_config.postfix should not contain whitespace or control characters'],
    [
      { length: 100, prefix: 'P'.repeat(51), postfix: 'Q'.repeat(50) },
      'Property .code_config should make codes of at most 200 characters with prefix and postfix',
    ],
    [{ pattern: '#'.repeat(201) }, 'Property .code_config.pattern should not be longer than 200 characters'],
  ])('refuses %j', (config, details) => {
    expect(detailsOf(() => normalizeCodeConfig(config))).toBe(details);
  });

  it('names the property it was given', () => {
    expect(detailsOf(() => normalizeCodeConfig({ length: -1 }, DEFAULT_CHARSET, '.voucher.code_config'))).toBe(
      'Property .voucher.code_config.length should be an integer from 1 to 100',
    );
  });

  it("checks the project's default charset too", () => {
    expect(detailsOf(() => normalizeCodeConfig(undefined, 'AA'))).toBe(
      "Property .code_config.charset should not repeat the character 'A'",
    );
  });
});

describe('countRandomPositions', () => {
  it.each([
    ['########', 8],
    ['A-#-B-##', 3],
    ['#', 1],
  ])('%s has %i', (pattern, count) => {
    expect(countRandomPositions({ charset: 'AB', pattern })).toBe(count);
  });
});
