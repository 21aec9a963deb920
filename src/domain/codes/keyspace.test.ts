import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { normalizeCodeConfig } from './code-config.js';
import { assertKeyspaceFits, keyspaceSize } from './keyspace.js';

function detailsOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError && error.key === 'invalid_payload') return error.details;
    throw error;
  }
  return undefined;
}

describe('keyspaceSize', () => {
  it.each([
    [{}, 62n ** 8n],
    [{ charset: '0123456789', length: 4 }, 10_000n],
    [{ charset: 'ABCDEF', pattern: 'PROMO-####' }, 1_296n],
    [{ length: 100 }, 62n ** 100n],
  ])('%j has %s codes', (config, size) => {
    expect(keyspaceSize(normalizeCodeConfig(config))).toBe(size);
  });

  it('counts letters that differ only by case once in a case-insensitive project', () => {
    const config = normalizeCodeConfig({ length: 8 });
    expect(keyspaceSize(config, false)).toBe(36n ** 8n);
    expect(keyspaceSize(normalizeCodeConfig({ charset: 'aAbB1', length: 3 }), false)).toBe(27n);
  });
});

describe('assertKeyspaceFits', () => {
  const config = normalizeCodeConfig({ charset: 'ABCDEF', pattern: 'PROMO-####' });

  it('names the pattern, the keyspace and the count', () => {
    expect(detailsOf(() => assertKeyspaceFits(config, 1000, 0, true))).toBe(
      'code_config pattern "PROMO-####" over 6 characters allows 1,296 codes; 1,000 were asked for (keep the space at least 10 times larger)',
    );
    expect(detailsOf(() => assertKeyspaceFits(config, 100, 30, true))).toBe(
      'code_config pattern "PROMO-####" over 6 characters allows 1,296 codes; 100 were asked for and 30 exist (keep the space at least 10 times larger)',
    );
  });

  it.each([
    [129, 0, true],
    [130, 0, false],
    [100, 29, true],
    [100, 30, false],
    [0, 0, true],
  ])('%i wanted, %i existing in 1,296: fits %s', (wanted, existing, fits) => {
    expect(detailsOf(() => assertKeyspaceFits(config, wanted, existing, true)) === undefined).toBe(fits);
  });

  it('is stricter in a case-insensitive project', () => {
    const letters = normalizeCodeConfig({ charset: 'abAB', length: 2 });
    expect(detailsOf(() => assertKeyspaceFits(letters, 1, 0, true))).toBeUndefined();
    expect(detailsOf(() => assertKeyspaceFits(letters, 1, 0, false))).toBe(
      'code_config pattern "##" over 2 characters allows 4 codes; 1 were asked for (keep the space at least 10 times larger)',
    );
  });

  it('refuses a count that is not a whole number', () => {
    expect(detailsOf(() => assertKeyspaceFits(config, 1.5, 0, true))).toBe(
      'wanted code count should be a whole number',
    );
  });
});
