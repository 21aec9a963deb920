import { type Discount, isManyUnits, resolveEffect, type UnitGrant } from '../discounts/discount.js';
import { type DiscountTargets, findItemTarget, hasTargets } from '../discounts/targets.js';
import type { OrderItem } from '../orders/order.js';

/**
 * Why a redeemable is about the products of a cart, as lines of the cart (ascending):
 * - `specific`: lines its discount is defined for: reached by an `applicable_to` entry that names
 *   products (not "every line"), or the product of a unit discount;
 * - `every_item`: lines an item-level discount reaches without naming products;
 * - `required`: lines a validation rule asks for by name.
 */
export interface ProductRelevance {
  specific: number[];
  every_item: number[];
  required: number[];
}

export interface ProductRelevanceInput {
  items: readonly OrderItem[];
  discount: Discount | null;
  /** The lines the rules' `applicable_to` lets the discount reach. */
  targets: DiscountTargets;
  required: readonly number[];
}

function isGrantLine(item: OrderItem, grant: UnitGrant): boolean {
  const skuId = grant.sku?.id ?? null;
  if (skuId !== null) return item.sku_id === skuId;
  return item.product_id === grant.unit_type || (item.product?.id ?? null) === grant.unit_type;
}

function unitGrantsOf(discount: Discount | null): readonly UnitGrant[] {
  if (discount?.type !== 'UNIT') return [];
  return isManyUnits(discount) ? discount.units : [discount];
}

function linesWhere(items: readonly OrderItem[], test: (item: OrderItem) => boolean): number[] {
  return items.flatMap((item, line) => (test(item) ? [line] : []));
}

/** Where each line stands against a redeemable's discount and rules (see ProductRelevance). */
export function findProductRelevance(input: ProductRelevanceInput): ProductRelevance {
  const { items, discount, targets } = input;
  const named = targets.applicable.length > 0;
  const grants = unitGrantsOf(discount);
  const specific = linesWhere(
    items,
    (item) =>
      (named && typeof findItemTarget(item, targets) === 'number') || grants.some((grant) => isGrantLine(item, grant)),
  );
  const itemLevel =
    discount !== null && discount.type !== 'UNIT' && resolveEffect(discount, hasTargets(targets)) !== 'APPLY_TO_ORDER';
  const everyItem = itemLevel && !named ? linesWhere(items, (item) => findItemTarget(item, targets) === 'all') : [];
  const inCart = new Set(items.keys());
  return { specific, every_item: everyItem, required: input.required.filter((line) => inCart.has(line)) };
}

/** PRODUCTS_DISCOUNT keeps discounts defined for specific items; PRODUCTS also item-level ones and rule requirements. */
export function isAboutProducts(relevance: ProductRelevance, wanted: 'any' | 'discount'): boolean {
  if (relevance.specific.length > 0) return true;
  return wanted === 'any' && (relevance.every_item.length > 0 || relevance.required.length > 0);
}

/** Every line the redeemable is about, ascending. */
export function relevantLines(relevance: ProductRelevance, wanted: 'any' | 'discount'): number[] {
  const lines =
    wanted === 'any' ? [...relevance.specific, ...relevance.every_item, ...relevance.required] : relevance.specific;
  return [...new Set(lines)].sort((a, b) => a - b);
}
