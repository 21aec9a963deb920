import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffMembership } from './membership-diff.js';

describe('diffMembership', () => {
  it.each([
    ['enters a matching segment', [], ['a'], ['a'], { entered: ['a'], left: [] }],
    ['leaves a segment it no longer matches', ['a'], [], ['a'], { entered: [], left: ['a'] }],
    ['stays where it is', ['a'], ['a'], ['a'], { entered: [], left: [] }],
    ['never touches a segment not evaluated (static)', ['s'], [], ['a'], { entered: [], left: [] }],
    ['evaluates each segment once', [], ['a'], ['a', 'a'], { entered: ['a'], left: [] }],
  ])('%s', (_, current, matching, evaluated, expected) => {
    expect(diffMembership(new Set(current), new Set(matching), evaluated)).toEqual(expected);
  });

  it('applied to the current memberships, gives the matching ones over the evaluated segments and keeps the rest', () => {
    const ids = fc.uniqueArray(fc.constantFrom<string>('a', 'b', 'c', 'd', 'e', 'f'));
    fc.assert(
      fc.property(ids, ids, ids, (current, matching, evaluated) => {
        const { entered, left } = diffMembership(new Set(current), new Set(matching), evaluated);
        const after = new Set([...current.filter((id) => !left.includes(id)), ...entered]);
        const expected = new Set([
          ...current.filter((id) => !evaluated.includes(id)),
          ...matching.filter((id) => evaluated.includes(id)),
        ]);
        expect(after).toEqual(expected);
        expect(entered.filter((id) => left.includes(id))).toEqual([]);
        expect(entered.every((id) => !current.includes(id))).toBe(true);
        expect(left.every((id) => current.includes(id))).toBe(true);
      }),
    );
  });
});
