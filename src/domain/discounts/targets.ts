import type { OrderItem } from '../orders/order.js';

export const TARGET_EFFECTS = [
  'APPLY_TO_EVERY',
  'APPLY_TO_CHEAPEST',
  'APPLY_FROM_CHEAPEST',
  'APPLY_TO_MOST_EXPENSIVE',
  'APPLY_FROM_MOST_EXPENSIVE',
] as const;
export type TargetEffect = (typeof TARGET_EFFECTS)[number];

/**
 * One entry of `applicable_to` / `inapplicable_to`, already resolved by the caller: a collection
 * carries its members. Null limits mean no limit.
 */
export interface ApplicableTarget {
  object: 'product' | 'sku' | 'products_collection';
  id: string;
  source_id?: string | null;
  /** For a SKU target: the product it belongs to. */
  product_id?: string | null;
  /** For a collection: its member products and SKUs. */
  product_ids?: readonly string[];
  sku_ids?: readonly string[];
  /** FIXED with APPLY_TO_ITEMS: the new unit price. */
  price?: number | null;
  /** Which units of the matching lines get the discount; every unit when absent. */
  effect?: TargetEffect | null;
  /** Units discounted per line. */
  quantity_limit?: number | null;
  /** Units discounted over all lines of this target. */
  aggregated_quantity_limit?: number | null;
  /** Discount per line. */
  amount_limit?: number | null;
  /** Discount over all lines of this target. */
  aggregated_amount_limit?: number | null;
}

export interface DiscountTargets {
  applicable: readonly ApplicableTarget[];
  inapplicable: readonly ApplicableTarget[];
  /**
   * Positions of lines no item discount may reach, whatever they match: a stack in ONCE products
   * mode keeps each line to the first redeemable that discounted it.
   */
  excludedLines?: ReadonlySet<number>;
}

export const NO_TARGETS: DiscountTargets = { applicable: [], inapplicable: [] };

export function hasTargets(targets: DiscountTargets): boolean {
  return targets.applicable.length > 0 || targets.inapplicable.length > 0;
}

/**
 * A product target matches the product's lines, SKU lines included; a SKU target its SKU's lines;
 * a collection its members. A line without catalog ids is matched by the source ids it carries.
 */
export function isTargetMatch(item: OrderItem, target: ApplicableTarget): boolean {
  switch (target.object) {
    case 'product':
      return isSame(item.product_id, target.id) || isSame(item.product?.source_id, target.source_id);
    case 'sku':
      return isSame(item.sku_id, target.id) || isSame(item.sku?.source_id, target.source_id);
    case 'products_collection':
      return (
        (item.product_id !== null && (target.product_ids?.includes(item.product_id) ?? false)) ||
        (item.sku_id !== null && (target.sku_ids?.includes(item.sku_id) ?? false))
      );
  }
}

function isSame(value: string | null | undefined, wanted: string | null | undefined): boolean {
  return value !== null && value !== undefined && value === wanted;
}

/**
 * Where a line stands: the position of the first applicable target it matches, `null` for a line
 * that gets nothing (excluded, or matching no applicable target), or `'all'` when no applicable
 * targets are given and the line is not excluded.
 */
export function findItemTarget(item: OrderItem, targets: DiscountTargets): number | 'all' | null {
  if (targets.inapplicable.some((target) => isTargetMatch(item, target))) return null;
  if (targets.applicable.length === 0) return 'all';
  const position = targets.applicable.findIndex((target) => isTargetMatch(item, target));
  return position === -1 ? null : position;
}

export function isItemApplicable(item: OrderItem, targets: DiscountTargets): boolean {
  return findItemTarget(item, targets) !== null;
}
