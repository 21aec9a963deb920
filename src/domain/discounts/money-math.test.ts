import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocateProportionally,
  multiplyRatio,
  percentOf,
  scaleDownTo,
  splitByLargestRemainder,
} from './money-math.js';

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe('multiplyRatio and percentOf', () => {
  it.each([
    [1000, 1, 3, 333],
    [1000, 2, 3, 667],
    [5, 1, 2, 3],
    [2 ** 53 - 1, 2, 2, 2 ** 53 - 1],
  ])('%d × %d / %d = %d, rounded half up', (amount, numerator, denominator, expected) => {
    expect(multiplyRatio(amount, numerator, denominator)).toBe(expected);
  });

  it.each([
    [4500, 10, 450],
    [1, 50, 1],
    [1, 12.5, 0],
    [10000, 1.005, 101],
    [5000, 33.33, 1667],
    [199900, 20, 39980],
    [10_000_000, 0.0000001, 0],
    [100_000_000, 0.0000005, 1],
    [2 ** 53 - 1, 100, 2 ** 53 - 1],
  ])('%d% of %d is %d, the percentage taken as written', (amount, percent, expected) => {
    expect(percentOf(amount, percent)).toBe(expected);
  });

  it('never exceeds the amount and grows with the percentage', () => {
    const percent = fc.double({ min: 0, max: 100, noNaN: true });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), percent, percent, (amount, p, q) => {
        const [low, high] = p <= q ? [p, q] : [q, p];
        expect(percentOf(amount, high)).toBeLessThanOrEqual(amount);
        expect(percentOf(amount, low)).toBeLessThanOrEqual(percentOf(amount, high));
        expect(Math.abs(percentOf(amount, high) - (amount * high) / 100)).toBeLessThanOrEqual(0.5 + 1e-6 * amount);
      }),
    );
  });
});

describe('splitByLargestRemainder', () => {
  it.each([
    [300, [3300, 3400], [148, 152]],
    [1000, [2000, 4500, 6000], [160, 360, 480]],
    [1000, [2, 3, 3], [250, 375, 375]],
    [2, [1, 1, 1], [1, 1, 0]],
    [100, [0, 0], [0, 0]],
    [7, [0, 5], [0, 7]],
  ])('splits %d over %j as %j', (total, weights, expected) => {
    expect(splitByLargestRemainder(total, weights)).toEqual(expected);
  });

  it('always sums to the total, each part within one unit of its exact share', () => {
    const weights = fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), weights, (total, ws) => {
        fc.pre(sum(ws) > 0);
        const parts = splitByLargestRemainder(total, ws);
        expect(sum(parts)).toBe(total);
        parts.forEach((part, i) => {
          expect(Math.abs(part - (total * (ws[i] ?? 0)) / sum(ws))).toBeLessThan(1 + 1e-6);
        });
      }),
    );
  });
});

describe('allocateProportionally', () => {
  it('gives a capped line its cap and the rest to the others', () => {
    expect(allocateProportionally(1000, [1, 1, 2], [100, 1000, 1000])).toEqual([100, 300, 600]);
    expect(allocateProportionally(1000, [1, 1], [100, 200])).toEqual([100, 200]);
    expect(allocateProportionally(1000, [0, 1], [1000, 10])).toEqual([0, 10]);
  });

  it('sums to the total or all the caps, never above a cap', () => {
    const lines = fc.array(fc.record({ weight: fc.nat(1e6), cap: fc.nat(1e9) }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(fc.nat(1e10), lines, (total, ls) => {
        const parts = allocateProportionally(
          total,
          ls.map((l) => l.weight),
          ls.map((l) => l.cap),
        );
        const room = sum(ls.filter((l) => l.weight > 0).map((l) => l.cap));
        expect(sum(parts)).toBe(Math.min(total, room));
        parts.forEach((part, i) => {
          expect(part).toBeGreaterThanOrEqual(0);
          expect(part).toBeLessThanOrEqual(ls[i]?.cap ?? 0);
        });
      }),
    );
  });

  it('scales parts down to a limit and leaves them when under it', () => {
    expect(scaleDownTo(2000, [1000, 1000, 1000])).toEqual([667, 667, 666]);
    expect(scaleDownTo(5000, [1000, 1000])).toEqual([1000, 1000]);
  });
});
