import { describe, expect, it } from 'vitest';
import { mergeMetadata } from './metadata.js';

describe('mergeMetadata', () => {
  it('sets given keys, removes keys given as null and keeps the rest', () => {
    expect(mergeMetadata({ a: 1, b: 2, c: 3 }, { b: 20, c: null, d: { x: 1 } })).toEqual({ a: 1, b: 20, d: { x: 1 } });
  });
  it('does not change its input', () => {
    const current = { a: 1 };
    mergeMetadata(current, { a: null });
    expect(current).toEqual({ a: 1 });
  });
});
