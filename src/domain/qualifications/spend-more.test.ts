import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findAmountNeeded, spendCeilingFor } from './spend-more.js';

describe('findAmountNeeded', () => {
  const cases: [string, number, number, (amount: number) => boolean, number | null][] = [
    ['a minimum of 100.00 on a 88.00 cart needs 100.00', 8800, 88000, (a) => a >= 10000, 10000],
    ['"more than 100.00" needs 100.01', 8800, 88000, (a) => a > 10000, 10001],
    ['a threshold above the ceiling gives no hint', 8800, 20000, (a) => a >= 50000, null],
    ['a rule spending cannot meet gives no hint', 8800, 88000, () => false, null],
    ['a ceiling at the cart gives no hint', 8800, 8800, () => true, null],
    ['a band (100.00 to 150.00) the ceiling misses gives no hint', 8800, 88000, (a) => a >= 10000 && a <= 15000, null],
    ['the ceiling itself can be the answer', 0, 100, (a) => a >= 100, 100],
  ];
  it.each(cases)('%s', (_name, cart, ceiling, passes, expected) => {
    expect(findAmountNeeded(cart, ceiling, passes)).toBe(expected);
  });

  it('never answers an amount that fails, even for a rule that is not monotone', () => {
    const oddOnly = (a: number) => a % 2 === 1 && a > 500;
    const found = findAmountNeeded(100, 10001, oddOnly);
    expect(found === null || oddOnly(found)).toBe(true);
  });

  it('finds the exact threshold of any monotone rule within the ceiling', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), (cart, gap) => {
        const threshold = cart + gap;
        const ceiling = spendCeilingFor(cart);
        const found = findAmountNeeded(cart, ceiling, (a) => a >= threshold);
        expect(found).toBe(threshold <= ceiling ? threshold : null);
      }),
    );
  });

  it('bounds the ceiling at ten times the cart, and at least 1,000.00', () => {
    expect(spendCeilingFor(5000)).toBe(100_000);
    expect(spendCeilingFor(50_000)).toBe(500_000);
  });
});
