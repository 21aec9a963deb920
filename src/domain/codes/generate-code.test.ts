import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { normalizeCodeConfig } from './code-config.js';
import { generateCode, generateCodes, type RandomChars } from './generate-code.js';

/** Cycles through the charset, so draws repeat and collide on purpose. */
function cyclingRandomChars(charset: string, start: number): RandomChars {
  let next = start;
  return (count) => {
    let chars = '';
    for (let index = 0; index < count; index += 1) chars += charset[next++ % charset.length];
    return chars;
  };
}

describe('generateCode', () => {
  it.each([
    [{ prefix: 'SUMMER-', length: 4 }, 'SUMMER-####'],
    [{ pattern: 'A#B##C', postfix: '!' }, 'A#B##C!'],
    [{ pattern: '#-#-#' }, '#-#-#'],
  ])('fills %j', (config, pattern) => {
    const normalized = normalizeCodeConfig({ charset: 'X', ...config });
    expect(generateCode(normalized, (count) => 'X'.repeat(count))).toBe(pattern.replaceAll('#', 'X'));
  });

  it('asks for as many characters as the pattern has #s, once per code', () => {
    const asked: number[] = [];
    generateCode(normalizeCodeConfig({ pattern: 'A-##-###' }), (count) => {
      asked.push(count);
      return 'Z'.repeat(count);
    });
    expect(asked).toEqual([5]);
  });

  it('puts the random characters in order', () => {
    const config = normalizeCodeConfig({ pattern: '#.#.##', prefix: 'P' });
    expect(generateCode(config, () => '1234')).toBe('P1.2.34');
  });
});

describe('generateCodes', () => {
  it('tells a and A apart only in a case-sensitive project', () => {
    const config = normalizeCodeConfig({ charset: 'aA', length: 1 });
    const random = cyclingRandomChars('aA', 0);
    expect(generateCodes(config, 2, random, { caseSensitive: true }).sort()).toEqual(['A', 'a']);
    expect(() => generateCodes(config, 2, random, { caseSensitive: false })).toThrow(AppError);
  });

  it('stops instead of looping when every code is taken', () => {
    const config = normalizeCodeConfig({ charset: 'AB', length: 2 });
    expect(() => generateCodes(config, 1, cyclingRandomChars('AB', 0), { isTaken: () => true })).toThrow(
      'Invalid payload',
    );
  });

  it('makes nothing when asked for nothing', () => {
    expect(generateCodes(normalizeCodeConfig(undefined), 0, () => '')).toEqual([]);
  });
});
