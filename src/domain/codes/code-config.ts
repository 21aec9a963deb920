import type { CodeConfig } from '../campaigns/campaign.js';
import { invalidPayload } from '../errors.js';

/** Voucherify's default: the 62 alphanumeric characters. */
export const DEFAULT_CHARSET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const DEFAULT_CODE_LENGTH = 8;
/** One random byte picks a character without bias only up to 256 characters. */
export const MAX_CHARSET_LENGTH = 256;
export const MAX_RANDOM_LENGTH = 100;
export const MAX_CODE_LENGTH = 200;
export const RANDOM_MARK = '#';

/** A code config ready to generate from: `pattern` holds prefix and postfix, one '#' per random character. */
export interface NormalizedCodeConfig {
  readonly charset: string;
  readonly pattern: string;
}

// Whitespace, control characters and lone surrogates make codes that cannot be typed or printed.
const UNPRINTABLE = /[\s\p{Cc}\p{Cf}\p{Cs}]/u;
// Random characters are picked by UTF-16 index, so each must be one code unit.
const OUTSIDE_BMP = /[\u{10000}-\u{10FFFF}]/u;

function fail(path: string, problem: string): never {
  throw invalidPayload(`Property ${path} ${problem}`);
}

/**
 * Checks a code config and reduces it to a charset and a pattern. `pattern` overrides `length`;
 * without either, codes are 8 random characters. The charset is literal characters, as in
 * Voucherify (its dashboard's "Alphanumeric", "Numbers" and so on are just these strings).
 * `property` names the config in error details (`.code_config`, `.voucher.code_config`).
 */
export function normalizeCodeConfig(
  config: CodeConfig | undefined | null,
  defaultCharset: string = DEFAULT_CHARSET,
  property = '.code_config',
): NormalizedCodeConfig {
  const charset = readCharset(config?.charset ?? defaultCharset, `${property}.charset`);
  const prefix = readAffix(config?.prefix, `${property}.prefix`);
  const postfix = readAffix(config?.postfix, `${property}.postfix`);
  const body =
    config?.pattern !== undefined && config?.pattern !== null
      ? readPattern(config.pattern, `${property}.pattern`)
      : RANDOM_MARK.repeat(readLength(config?.length, `${property}.length`));
  const pattern = `${prefix}${body}${postfix}`;
  if (pattern.length > MAX_CODE_LENGTH) {
    fail(property, `should make codes of at most ${MAX_CODE_LENGTH} characters with prefix and postfix`);
  }
  return { charset, pattern };
}

/** How many '#' the pattern holds: the random characters of each code. */
export function countRandomPositions(config: NormalizedCodeConfig): number {
  let count = 0;
  for (const char of config.pattern) if (char === RANDOM_MARK) count += 1;
  return count;
}

function readCharset(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length === 0) fail(path, 'should be a non-empty string');
  if (value.length > MAX_CHARSET_LENGTH) fail(path, `should not have more than ${MAX_CHARSET_LENGTH} characters`);
  if (value.includes(RANDOM_MARK)) fail(path, `should not contain '${RANDOM_MARK}'`);
  if (UNPRINTABLE.test(value)) fail(path, 'should not contain whitespace or control characters');
  if (OUTSIDE_BMP.test(value))
    fail(path, 'should not contain emoji or other characters outside the Basic Multilingual Plane');
  const seen = new Set<string>();
  for (const char of value) {
    if (seen.has(char)) fail(path, `should not repeat the character '${char}'`);
    seen.add(char);
  }
  return value;
}

function readAffix(value: unknown, path: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') fail(path, 'should be a string');
  if (value.length > MAX_CODE_LENGTH) fail(path, `should not be longer than ${MAX_CODE_LENGTH} characters`);
  if (value.includes(RANDOM_MARK)) fail(path, `should not contain '${RANDOM_MARK}'`);
  if (UNPRINTABLE.test(value)) fail(path, 'should not contain whitespace or control characters');
  return value;
}

function readPattern(value: unknown, path: string): string {
  if (typeof value !== 'string') fail(path, 'should be a string');
  if (value.length > MAX_CODE_LENGTH) fail(path, `should not be longer than ${MAX_CODE_LENGTH} characters`);
  if (!value.includes(RANDOM_MARK)) fail(path, `should contain at least one '${RANDOM_MARK}'`);
  if (UNPRINTABLE.test(value)) fail(path, 'should not contain whitespace or control characters');
  return value;
}

function readLength(value: unknown, path: string): number {
  if (value === undefined || value === null) return DEFAULT_CODE_LENGTH;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_RANDOM_LENGTH) {
    fail(path, `should be an integer from 1 to ${MAX_RANDOM_LENGTH}`);
  }
  return value;
}
