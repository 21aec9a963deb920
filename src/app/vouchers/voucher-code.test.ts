import { describe, expect, it } from 'vitest';
import { checkCode } from './voucher-code.js';

describe('checkCode', () => {
  it.each(['SUMMER-10', "O'REILLY", '"QUOTED"', 'żółć-漢字-🎉', '100%_OFF*', '<b>', 'x'.repeat(200), '🎉'.repeat(200)])(
    'takes %s',
    (code) => {
      expect(checkCode(code)).toBe(code);
    },
  );

  it.each([
    ['empty', ''],
    ['a space', 'A B'],
    ['a tab', 'A\tB'],
    ['a newline', 'A\n'],
    ['a NUL', 'A\u0000'],
    ['a right-to-left override', 'A\u202eB'],
    ['a lone surrogate', 'A\ud800'],
    ['201 characters', 'x'.repeat(201)],
  ])('refuses %s', (_name, code) => {
    expect(() => checkCode(code)).toThrow(expect.objectContaining({ key: 'invalid_payload' }));
  });
});
