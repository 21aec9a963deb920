import { invalidPayload } from '../errors.js';
import { codeKey } from '../vouchers/code-key.js';
import { countRandomPositions, type NormalizedCodeConfig } from './code-config.js';

/**
 * How much larger than the codes it must hold a keyspace has to be. At a tenth full, a random draw
 * collides at most one time in ten, so generation never slows down into retries.
 */
export const KEYSPACE_HEADROOM = 10n;

/**
 * How many different codes the config can make: charset size to the power of the random
 * positions. In a case-insensitive project `a` and `A` make the same code, so they count once.
 */
export function keyspaceSize(config: NormalizedCodeConfig, caseSensitive = true): bigint {
  return BigInt(distinctCharacters(config.charset, caseSensitive)) ** BigInt(countRandomPositions(config));
}

/**
 * Refuses, before anything is generated, a config whose keyspace cannot hold the codes it already
 * made (`existing`) and `wanted` more with room to spare (KEYSPACE_HEADROOM times).
 */
export function assertKeyspaceFits(
  config: NormalizedCodeConfig,
  wanted: number,
  existing: number,
  caseSensitive: boolean,
): void {
  for (const [name, count] of [
    ['wanted', wanted],
    ['existing', existing],
  ] as const) {
    if (!Number.isSafeInteger(count) || count < 0) throw invalidPayload(`${name} code count should be a whole number`);
  }
  const size = keyspaceSize(config, caseSensitive);
  const needed = BigInt(wanted) + BigInt(existing);
  if (size >= KEYSPACE_HEADROOM * needed) return;
  const characters = distinctCharacters(config.charset, caseSensitive);
  const exist = existing > 0 ? ` and ${formatCount(BigInt(existing))} exist` : '';
  throw invalidPayload(
    `code_config pattern "${config.pattern}" over ${characters} characters allows ${formatCount(size)} codes; ` +
      `${formatCount(BigInt(wanted))} were asked for${exist} (keep the space at least ${KEYSPACE_HEADROOM} times larger)`,
  );
}

function distinctCharacters(charset: string, caseSensitive: boolean): number {
  const keys = new Set<string>();
  for (const char of charset) keys.add(codeKey(char, caseSensitive));
  return keys.size;
}

function formatCount(value: bigint): string {
  return value.toLocaleString('en-US');
}
