import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newSortableIds } from './sortable-ids.js';

describe('newSortableIds', () => {
  it('makes ids with the prefix and 24 base62 characters, in the order they are made, all different', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 10 }), (counts) => {
        const start = Date.now();
        const ids = counts.flatMap((count, i) => newSortableIds('v_', count, start + i));
        expect(ids.every((id) => /^v_[0-9A-Za-z]{24}$/.test(id))).toBe(true);
        expect([...ids].sort()).toEqual(ids);
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: 50 },
    );
  });

  it('stays in order when the clock goes back', () => {
    const now = Date.now() + 60_000;
    const later = newSortableIds('v_', 3, now);
    const earlier = newSortableIds('v_', 3, now - 10_000);
    expect([...later, ...earlier].sort()).toEqual([...later, ...earlier]);
  });
});
