import type { CodeConfig } from '../api/api-types';

/** Voucherify's default charset: the 62 alphanumeric characters. */
export const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const DEFAULT_CODE_LENGTH = 8;
const RANDOM_MARK = '#';

/** The pattern the server generates from: prefix, one `#` per random character, postfix. */
export function buildPattern(config: CodeConfig): string {
  const body = config.pattern ?? RANDOM_MARK.repeat(config.length ?? DEFAULT_CODE_LENGTH);
  return `${config.prefix ?? ''}${body}${config.postfix ?? ''}`;
}

function listDistinctCharacters(charset: string): string[] {
  return [...new Set(charset)];
}

/** Example codes drawn as the server draws them: each `#` becomes a random charset character. */
export function sampleCodes(config: CodeConfig, count: number): string[] {
  const characters = listDistinctCharacters(config.charset || ALPHANUMERIC);
  const pattern = buildPattern(config);
  const samples: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const random = crypto.getRandomValues(new Uint32Array(pattern.length));
    let code = '';
    for (const [index, char] of [...pattern].entries()) {
      code += char === RANDOM_MARK ? characters[(random[index] ?? 0) % characters.length] : char;
    }
    samples.push(code);
  }
  return samples;
}

/** How many codes the config can make: charset size to the power of the random positions. */
export function computeKeyspaceSize(config: CodeConfig): bigint {
  const characters = listDistinctCharacters(config.charset || ALPHANUMERIC).length;
  const positions = [...buildPattern(config)].filter((char) => char === RANDOM_MARK).length;
  return BigInt(characters) ** BigInt(positions);
}

/** The server refuses a keyspace under ten times the codes asked for, so draws rarely collide. */
export const KEYSPACE_HEADROOM = 10n;

export function formatBigCount(value: bigint): string {
  return value.toLocaleString('en-US');
}
