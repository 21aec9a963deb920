/**
 * "Spend 12.00 more for free shipping": the smallest order amount at which a redeemable the cart
 * just missed would apply, found without knowing its rules' shape. The caller re-checks the
 * compiled rules with only the order amount raised; a binary search over the amount finds the
 * threshold of any rule that is monotone in it (`order.amount` more than, at least, between...).
 * The search is bounded, and the amount it finds is checked once more: a rule that is not monotone
 * can mislead the search, but never into a hint that does not hold.
 */

/** Highest amount a hint may ask for: ten times the cart, and never less than 1,000.00 above nothing. */
export function spendCeilingFor(cartAmount: number): number {
  return Math.max(cartAmount * 10, 100_000);
}

/** Probes a search may make: enough to bisect any ceiling below 2^40 minor units. */
const MAX_PROBES = 40;

/**
 * The least amount in (cartAmount, ceiling] at which `passesAt` holds, assuming it holds from some
 * threshold up; null when it does not hold at the ceiling (more spending alone does not help), or
 * when the amount found fails its check.
 */
export function findAmountNeeded(
  cartAmount: number,
  ceiling: number,
  passesAt: (amount: number) => boolean,
): number | null {
  if (ceiling <= cartAmount || !passesAt(ceiling)) return null;
  let low = cartAmount; // fails (the cart as it is)
  let high = ceiling; // passes
  for (let probes = 0; high - low > 1 && probes < MAX_PROBES; probes++) {
    const middle = low + Math.floor((high - low) / 2);
    if (passesAt(middle)) high = middle;
    else low = middle;
  }
  return high === ceiling || passesAt(high) ? high : null;
}
