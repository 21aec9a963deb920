import { describe, expect, it } from 'vitest';
import { DEFAULT_CHARSET } from '../domain/codes/code-config.js';
import { randomCharsFor } from './random-chars.js';

const CHARSETS = [
  ['the default 62', DEFAULT_CHARSET],
  ['digits', '0123456789'],
  ['a power of two', 'ABCDEFGHIJKLMNOP'],
  ['one character', 'Z'],
  [
    '129 characters, the most bytes per character',
    Array.from({ length: 129 }, (_, i) => String.fromCharCode(0x100 + i)).join(''),
  ],
  ['256 characters', Array.from({ length: 256 }, (_, i) => String.fromCharCode(0x100 + i)).join('')],
] as const;

describe('randomCharsFor', () => {
  it.each(CHARSETS)('draws only from %s, as many as asked', (_, charset) => {
    const randomChars = randomCharsFor(charset);
    for (const count of [0, 1, 8, 8, 13, 64, 65, 200, 1000]) {
      const chars = randomChars(count);
      expect(chars).toHaveLength(count);
      for (const char of chars) expect(charset).toContain(char);
    }
  });

  it.each(CHARSETS.slice(0, 3))('draws every character of %s about equally often', (_, charset) => {
    const perCharacter = 10_000;
    const counts = new Map<string, number>();
    const chars = randomCharsFor(charset)(perCharacter * charset.length);
    for (const char of chars) counts.set(char, (counts.get(char) ?? 0) + 1);
    expect(counts.size).toBe(charset.length);
    // 10% is ten standard deviations: a real bias shows, chance never does.
    for (const count of counts.values()) expect(Math.abs(count - perCharacter)).toBeLessThan(perCharacter / 10);
  });

  it('refuses a charset nanoid cannot draw from without bias', () => {
    expect(() => randomCharsFor('')).toThrow(RangeError);
    expect(() => randomCharsFor('x'.repeat(257))).toThrow(RangeError);
  });
});
