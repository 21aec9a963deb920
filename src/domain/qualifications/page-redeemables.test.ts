import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageRedeemables, type RedeemablesPage } from './page-redeemables.js';
import { decodeCursor } from './qualification-cursor.js';
import type { QualifiedRedeemable, SortingRule } from './qualified-redeemable.js';
import { redeemable } from './redeemable-fixtures.js';
import { sortRedeemables } from './sort-redeemables.js';

const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString();

/** Every page in turn, each asked with the previous page's cursor; ids in the order shown. */
function pageThrough(list: readonly QualifiedRedeemable[], rule: SortingRule, limit: number): string[] {
  const sorted = sortRedeemables(list, rule);
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages <= list.length + 1; pages++) {
    const page: RedeemablesPage<QualifiedRedeemable> = pageRedeemables(sorted, {
      limit,
      rule,
      cursor: cursor === null ? null : decodeCursor(cursor),
    });
    seen.push(...page.data.map((r) => r.id));
    if (!page.has_more) return seen;
    cursor = page.more_starting_after;
    expect(cursor).not.toBeNull();
  }
  throw new Error('paging did not end');
}

describe('sortRedeemables', () => {
  const list = [
    redeemable({ id: 'old-big', created_at: at(1), discount_amount: 900 }),
    redeemable({ id: 'new-small', created_at: at(3), discount_amount: 100 }),
    redeemable({ id: 'mid-big', created_at: at(2), discount_amount: 900 }),
  ];
  const cases: [SortingRule, string[]][] = [
    ['DEFAULT', ['new-small', 'mid-big', 'old-big']],
    ['BEST_DEAL', ['mid-big', 'old-big', 'new-small']],
    ['LEAST_DEAL', ['new-small', 'mid-big', 'old-big']],
  ];
  it.each(cases)('%s', (rule, expected) => {
    expect(sortRedeemables(list, rule).map((r) => r.id)).toEqual(expected);
  });
});

describe('pageRedeemables', () => {
  const list = [1, 2, 3, 4, 5].map((second) => redeemable({ id: `r${second}`, created_at: at(second) }));

  it('cuts pages of `limit`, newest first, with the last one shown as the cursor', () => {
    const sorted = sortRedeemables(list, 'DEFAULT');
    const first = pageRedeemables(sorted, { limit: 2, cursor: null, rule: 'DEFAULT' });
    expect(first.data.map((r) => r.id)).toEqual(['r5', 'r4']);
    expect(first).toMatchObject({ has_more: true, more_starting_after: at(4) });
    const last = pageRedeemables(sorted, { limit: 5, cursor: decodeCursor(at(2)), rule: 'DEFAULT' });
    expect(last).toEqual({ data: [list[0]], has_more: false, more_starting_after: null });
  });

  it('takes a client-made created_at as "created before it"', () => {
    const sorted = sortRedeemables(list, 'DEFAULT');
    const page = pageRedeemables(sorted, {
      limit: 5,
      cursor: decodeCursor('2026-01-01T00:00:03.500Z'),
      rule: 'DEFAULT',
    });
    expect(page.data.map((r) => r.id)).toEqual(['r3', 'r2', 'r1']);
  });

  it('gives a cursor inside a millisecond several redeemables share extra digits, still a date-time', () => {
    const same = ['a', 'b', 'c'].map((id) => redeemable({ id, created_at: at(1) }));
    const page = pageRedeemables(sortRedeemables(same, 'DEFAULT'), { limit: 1, cursor: null, rule: 'DEFAULT' });
    expect(page.more_starting_after).toMatch(/^2026-01-01T00:00:01\.000\d{9}Z$/);
    expect(Number.isNaN(Date.parse(page.more_starting_after as string))).toBe(false);
  });

  it('visits every redeemable exactly once, in sorted order, whatever the sort, limit and shared timestamps', () => {
    const arbitraryList = fc
      .uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 40 })
      .chain((ids) =>
        fc.tuple(
          fc.constant(ids),
          fc.array(fc.integer({ min: 0, max: 4 }), { minLength: ids.length, maxLength: ids.length }),
          fc.array(fc.integer({ min: 0, max: 3 }), { minLength: ids.length, maxLength: ids.length }),
          fc.array(fc.constantFrom('voucher' as const, 'promotion_tier' as const), {
            minLength: ids.length,
            maxLength: ids.length,
          }),
        ),
      )
      .map(([ids, seconds, deals, objects]) =>
        ids.map((id, i) =>
          redeemable({
            id,
            object: objects[i],
            created_at: at(seconds[i] ?? 0),
            discount_amount: (deals[i] ?? 0) * 100,
          }),
        ),
      );
    fc.assert(
      fc.property(
        arbitraryList,
        fc.constantFrom<SortingRule>('DEFAULT', 'BEST_DEAL', 'LEAST_DEAL'),
        fc.integer({ min: 1, max: 7 }),
        (items, rule, limit) => {
          const seen = pageThrough(items, rule, limit);
          expect(seen).toEqual(sortRedeemables(items, rule).map((r) => r.id));
        },
      ),
    );
  });

  it('reads back every cursor it makes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 41 }),
        fc.option(fc.integer({ min: 0, max: 999_999_999 })),
        (ms, tie) => {
          const cursor =
            tie === null
              ? new Date(ms).toISOString()
              : `${new Date(ms).toISOString().slice(0, -1)}${String(tie).padStart(9, '0')}Z`;
          expect(decodeCursor(cursor)).toEqual({ ms, tie });
        },
      ),
    );
  });

  it('refuses what is not a date-time', () => {
    expect(decodeCursor('null')).toBeNull();
    expect(decodeCursor('2026-13-45T99:00:00Z')).toBeNull();
  });
});
