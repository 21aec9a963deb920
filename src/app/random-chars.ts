import { customAlphabet } from 'nanoid';
import { MAX_CHARSET_LENGTH } from '../domain/codes/code-config.js';
import type { RandomChars } from '../domain/codes/generate-code.js';

type Generator = (size?: number) => string;

/**
 * nanoid fills its pool with 128 calls' worth of bytes at once, and crypto.getRandomValues takes at
 * most 65,536 bytes, so a long draw is made in chunks this size (a 129-character charset needs
 * about 3.2 bytes per character).
 */
const MAX_CHUNK = 64;

/** Campaigns share a few charsets and code lengths; the cap only guards against unbounded variety. */
const MAX_CACHED_GENERATORS = 64;
const generators = new Map<string, Generator>();

/**
 * nanoid sizes the random block it draws per call from the default size, so a generator is kept
 * per charset and size. Its bytes come from a pooled crypto buffer, and bytes past the largest
 * multiple of the charset size are dropped, so every character is equally likely.
 */
function generatorFor(charset: string, size: number): Generator {
  const key = `${size}:${charset}`;
  let generator = generators.get(key);
  if (generator === undefined) {
    generator = customAlphabet(charset, size);
    if (generators.size >= MAX_CACHED_GENERATORS) {
      const oldest = generators.keys().next().value;
      if (oldest !== undefined) generators.delete(oldest);
    }
    generators.set(key, generator);
  }
  return generator;
}

/** The production `randomChars` for a normalized charset: cryptographically random, without bias. */
export function randomCharsFor(charset: string): RandomChars {
  if (charset.length === 0 || charset.length > MAX_CHARSET_LENGTH) {
    throw new RangeError(`A charset needs 1 to ${MAX_CHARSET_LENGTH} characters, not ${charset.length}`);
  }
  let lastSize = -1;
  let lastGenerator: Generator = () => '';
  const draw = (count: number): string => {
    if (count !== lastSize) {
      lastGenerator = generatorFor(charset, count);
      lastSize = count;
    }
    return lastGenerator(count);
  };
  return (count) => {
    if (count <= MAX_CHUNK) return draw(count);
    let chars = '';
    for (let left = count; left > 0; left -= MAX_CHUNK) chars += draw(Math.min(left, MAX_CHUNK));
    return chars;
  };
}
