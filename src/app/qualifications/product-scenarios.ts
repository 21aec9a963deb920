import type { Discount } from '../../domain/discounts/discount.js';
import { findProductRelevance, isAboutProducts, relevantLines } from '../../domain/qualifications/product-relevance.js';
import { requiredItemLines } from '../../domain/rules/required-items.js';
import type { QualifiedEntry } from './qualification-request.js';
import type { QualificationFacts } from './qualify-redeemables.js';

function discountOf(entry: QualifiedEntry): Discount | null {
  const { source } = entry;
  if (source.kind === 'voucher') return source.voucher.effective.discount;
  if (source.kind === 'promotion_tier') return source.tier.discount;
  return null;
}

/**
 * The product scenarios: the redeemables about the cart's products (product-relevance.ts), each
 * carrying the lines it is about for its `applicable_to`. Without a cart there is no product.
 */
export function keepAboutProducts(
  facts: QualificationFacts,
  entries: readonly QualifiedEntry[],
  wanted: 'any' | 'discount',
): QualifiedEntry[] {
  const items = facts.order?.items ?? [];
  if (items.length === 0) return [];
  const prepared = facts.session.uncounted;
  const kept: QualifiedEntry[] = [];
  for (const entry of entries) {
    const required =
      wanted === 'any' ? entry.definitions.flatMap(({ compiled }) => requiredItemLines(compiled, prepared)) : [];
    const relevance = findProductRelevance({
      items,
      discount: discountOf(entry),
      targets: entry.rules.targets,
      required,
    });
    if (isAboutProducts(relevance, wanted)) kept.push({ ...entry, products: relevantLines(relevance, wanted) });
  }
  return kept;
}
