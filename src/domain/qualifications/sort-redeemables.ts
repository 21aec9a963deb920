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
  return [...redeemables].sort((a, b) => byDeal * (a.discount_amount - b.discount_amount) || compareNewestFirst(a, b));
}
