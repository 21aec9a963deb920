import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tieOf } from './qualification-cursor.js';
import type { QualifiedRedeemable, SortingRule } from './qualified-redeemable.js';
import { redeemable } from './redeemable-fixtures.js';
import { compareNewestFirst, sortRedeemables } from './sort-redeemables.js';

/** tieOf as first written: FNV-1a over the joined `object:id`. */
function tieOfJoined(r: Pick<QualifiedRedeemable, 'object' | 'id'>): number {
  let hash = 0x811c9dc5;
  const text = `${r.object}:${r.id}`;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 10 ** 9;
}

/** The sort as first written: every comparison works its cursor keys out again. */
function sortComparingKeys(list: readonly QualifiedRedeemable[], rule: SortingRule): QualifiedRedeemable[] {
  const byDeal = rule === 'BEST_DEAL' ? -1 : rule === 'LEAST_DEAL' ? 1 : 0;
  return [...list].sort((a, b) => byDeal * (a.discount_amount - b.discount_amount) || compareNewestFirst(a, b));
}

const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString();

const listArb = fc.array(
  fc.record({
    id: fc.string({ maxLength: 6 }),
    object: fc.constantFrom('voucher' as const, 'promotion_tier' as const, 'promotion_stack' as const),
    second: fc.integer({ min: 0, max: 3 }),
    deal: fc.integer({ min: 0, max: 3 }),
  }),
  { maxLength: 40 },
);

describe('sortRedeemables with cursor keys worked out once', () => {
  it('lists exactly as comparing keys again on every comparison does, duplicates and shared timestamps included', () => {
    fc.assert(
      fc.property(listArb, fc.constantFrom<SortingRule>('DEFAULT', 'BEST_DEAL', 'LEAST_DEAL'), (specs, rule) => {
        const list = specs.map(({ id, object, second, deal }) =>
          redeemable({ id, object, created_at: at(second), discount_amount: deal * 100 }),
        );
        const sorted = sortRedeemables(list, rule);
        const expected = sortComparingKeys(list, rule);
        // The very same objects, in the same places: duplicates keep their input order too.
        expect(sorted.length).toBe(expected.length);
        for (const [i, r] of sorted.entries()) expect(r).toBe(expected[i]);
      }),
    );
  });

  it('hashes the tie as the joined `object:id` did', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('voucher' as const, 'promotion_tier' as const, 'promotion_stack' as const),
        fc.string({ unit: 'grapheme', maxLength: 12 }),
        (object, id) => {
          expect(tieOf({ object, id })).toBe(tieOfJoined({ object, id }));
        },
      ),
    );
  });
});
