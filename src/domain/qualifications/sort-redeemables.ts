import { cursorKeyOf } from './qualification-cursor.js';
import type { QualifiedRedeemable, SortingRule } from './qualified-redeemable.js';

/** Newest first (the spec's DEFAULT), then the cursor's tie, then the id: one total order. */
export function compareNewestFirst(a: QualifiedRedeemable, b: QualifiedRedeemable): number {
  const ka = cursorKeyOf(a);
  const kb = cursorKeyOf(b);
  return (
    kb.ms - ka.ms ||
    (kb.tie ?? 0) - (ka.tie ?? 0) ||
    (a.object === b.object ? 0 : a.object < b.object ? 1 : -1) ||
    (a.id === b.id ? 0 : a.id < b.id ? 1 : -1)
  );
}

/**
 * The spec's sorting rules: DEFAULT newest first; BEST_DEAL the largest discount on this cart
 * first, LEAST_DEAL the smallest; equal discounts newest first, so every rule is a total order
 * and the same request always lists the same way.
 */
export function sortRedeemables<T extends QualifiedRedeemable>(redeemables: readonly T[], rule: SortingRule): T[] {
  const byDeal = rule === 'BEST_DEAL' ? -1 : rule === 'LEAST_DEAL' ? 1 : 0;
  // Each cursor key (a date parse and a hash) is worked out once, not once per comparison; the
  // comparison is compareNewestFirst's on those keys.
  const ms = new Float64Array(redeemables.length);
  const ties = new Float64Array(redeemables.length);
  const order = redeemables.map((redeemable, i) => {
    const key = cursorKeyOf(redeemable);
    ms[i] = key.ms;
    ties[i] = key.tie ?? 0;
    return i;
  });
  order.sort((i, j) => {
    const a = redeemables[i] as T;
    const b = redeemables[j] as T;
    return (
      byDeal * (a.discount_amount - b.discount_amount) ||
      (ms[j] as number) - (ms[i] as number) ||
      (ties[j] as number) - (ties[i] as number) ||
      (a.object === b.object ? 0 : a.object < b.object ? 1 : -1) ||
      (a.id === b.id ? 0 : a.id < b.id ? 1 : -1)
    );
  });
  return order.map((i) => redeemables[i] as T);
}
