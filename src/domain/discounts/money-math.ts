/**
 * Integer money arithmetic. Products go through BigInt so that amount × weight stays exact past
 * 2^53, and every result is an integer in minor units.
 */

/** amount × numerator / denominator, rounded half up; all non-negative, denominator > 0. */
export function multiplyRatio(amount: number, numerator: number, denominator: number): number {
  const product = BigInt(amount) * BigInt(numerator);
  const divisor = BigInt(denominator);
  return Number((2n * product + divisor) / (2n * divisor));
}

const DECIMAL = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/**
 * A non-negative number as the exact decimal fraction it was written as (12.5 → 125/10), so a
 * percentage is applied as written and not as its nearest binary double.
 */
function toDecimalFraction(value: number): { numerator: bigint; denominator: bigint } {
  const match = DECIMAL.exec(value.toString());
  if (!match) throw new RangeError(`not a non-negative finite number: ${value}`);
  const [, whole = '', fraction = '', exponent = '0'] = match;
  const scale = fraction.length - Number(exponent);
  const digits = BigInt(whole + fraction);
  return scale >= 0
    ? { numerator: digits, denominator: 10n ** BigInt(scale) }
    : { numerator: digits * 10n ** BigInt(-scale), denominator: 1n };
}

/** percent % of amount, rounded half up: 10% of 4500 is 450, 12.5% of 1 is 0, 50% of 1 is 1. */
export function percentOf(amount: number, percent: number): number {
  const { numerator, denominator } = toDecimalFraction(percent);
  const product = BigInt(amount) * numerator;
  const divisor = 100n * denominator;
  return Number((2n * product + divisor) / (2n * divisor));
}

/**
 * Splits `total` over `weights` by largest remainder: each part is the floor of its exact share,
 * and the units left over go to the largest remainders, lower index first on ties. The parts sum
 * to `total` whenever some weight is positive; with no positive weight every part is 0.
 */
export function splitByLargestRemainder(total: number, weights: readonly number[]): number[] {
  const whole = weights.reduce((sum, weight) => sum + BigInt(weight), 0n);
  if (whole === 0n || total === 0) return weights.map(() => 0);
  const exact = weights.map((weight) => BigInt(total) * BigInt(weight));
  const parts = exact.map((share) => Number(share / whole));
  const leftover = total - parts.reduce((sum, part) => sum + part, 0);
  const byRemainder = exact
    .map((share, index) => ({ index, remainder: share % whole }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of byRemainder.slice(0, leftover)) parts[index] = (parts[index] ?? 0) + 1;
  return parts;
}

/**
 * Splits `total` over `weights` as `splitByLargestRemainder` does, no part above its cap: a line
 * that would get more than its cap gets the cap and the rest is split again over the others. The
 * parts sum to min(total, the caps of positive weights); lines of zero weight get nothing.
 */
export function allocateProportionally(total: number, weights: readonly number[], caps: readonly number[]): number[] {
  const parts = weights.map(() => 0);
  let open = weights.flatMap((weight, index) => (weight > 0 ? [index] : []));
  let remaining = total;
  while (open.length > 0 && remaining > 0) {
    const shares = splitByLargestRemainder(
      remaining,
      open.map((index) => weights[index] ?? 0),
    );
    const capped = open.filter((index, k) => (shares[k] ?? 0) >= (caps[index] ?? 0));
    if (capped.length === 0) {
      open.forEach((index, k) => {
        parts[index] = shares[k] ?? 0;
      });
      return parts;
    }
    for (const index of capped) {
      parts[index] = caps[index] ?? 0;
      remaining -= parts[index] ?? 0;
    }
    open = open.filter((index) => !capped.includes(index));
  }
  return parts;
}

/** Lowers parts that together exceed `limit` so they sum to it, in proportion to what each had. */
export function scaleDownTo(limit: number, parts: readonly number[]): number[] {
  const total = parts.reduce((sum, part) => sum + part, 0);
  return total <= limit ? [...parts] : allocateProportionally(limit, parts, parts);
}
