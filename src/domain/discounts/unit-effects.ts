import { invalidPayload } from '../errors.js';
import { type CatalogMatch, priceOrderItem } from '../orders/price-order.js';
import {
  type CalculatedOrder,
  type CalculatedOrderItem,
  discountItem,
  settleTotals,
  startItemCalculation,
} from './calculated-order.js';
import { isManyUnits, type UnitDiscount, type UnitGrant } from './discount.js';

/** The catalog entries of a product (and SKU) the order may not hold yet; undefined when unknown. */
export type CatalogLookup = (productId: string, skuId?: string) => CatalogMatch | undefined;

/** A free unit the engine could not price: neither the order nor the catalog gives its price. */
export interface MissingProduct {
  product_id: string;
  sku_id: string | null;
}

export interface UnitApplication {
  order: CalculatedOrder;
  discount_amount: number;
  applied_items: number[];
  missing_products: MissingProduct[];
}

function grantsOf(discount: UnitDiscount): UnitGrant[] {
  return isManyUnits(discount) ? discount.units : [discount];
}

/** The line holding the granted units: the SKU's line, else the product's own line, else any of its SKU lines. */
function findGrantLine(items: readonly CalculatedOrderItem[], grant: UnitGrant): number {
  const skuId = grant.sku?.id ?? null;
  const exact = items.findIndex((item) => item.product_id === grant.unit_type && item.sku_id === skuId);
  if (exact !== -1 || skuId !== null) return exact;
  return items.findIndex((item) => item.product_id === grant.unit_type);
}

function lookUp(grant: UnitGrant, catalog: CatalogLookup | undefined): CatalogMatch | undefined {
  const match = catalog?.(grant.unit_type, grant.sku?.id ?? undefined);
  return match && (match.product !== null || match.sku !== null) ? match : undefined;
}

function catalogPrice(match: CatalogMatch | undefined): number | null {
  return match?.sku?.price ?? match?.product?.price ?? null;
}

function checkSafe(amount: number): number {
  if (!Number.isSafeInteger(amount)) {
    throw invalidPayload(`Property .discount.unit_off gives an amount beyond ${Number.MAX_SAFE_INTEGER}`);
  }
  return amount;
}

/** A line for a product the order lacks: no units yet, so its initial amount and quantity are 0. */
function newLine(match: CatalogMatch, position: number): CalculatedOrderItem {
  return startItemCalculation(priceOrderItem({ quantity: 0 }, match, position));
}

/**
 * ADD_NEW_ITEMS adds `unit_off` units; ADD_MISSING_ITEMS adds only what the line's paid units lack
 * (units already free from an earlier unit discount do not count). Either way `unit_off` units of
 * the line become free, as far as the line and the order (`orderLeft`) have something left.
 */
function grantUnits(
  item: CalculatedOrderItem,
  grant: UnitGrant,
  price: number,
  orderLeft: number,
): CalculatedOrderItem {
  const quantity = item.quantity ?? 1;
  const paid = Math.max(0, quantity - item.discount_quantity);
  const added = grant.effect === 'ADD_NEW_ITEMS' ? grant.unit_off : Math.max(0, grant.unit_off - paid);
  const addedAmount = checkSafe(added * price);
  const grown: CalculatedOrderItem = {
    ...item,
    quantity: added > 0 ? quantity + added : item.quantity,
    amount: checkSafe(item.amount + addedAmount),
    subtotal_amount: item.subtotal_amount + addedAmount,
    applied_quantity: item.applied_quantity + added,
    applied_quantity_amount: item.applied_quantity_amount + addedAmount,
  };
  const free = Math.min(checkSafe(grant.unit_off * price), grown.subtotal_amount, addedAmount + orderLeft);
  const discounted = discountItem(grown, free);
  return {
    ...discounted,
    discount_quantity: discounted.discount_quantity + grant.unit_off,
    applied_discount_quantity: discounted.applied_discount_quantity + grant.unit_off,
  };
}

/** The order with one grant given, and the line it went to; null when its units have no known price. */
function applyGrant(
  order: CalculatedOrder,
  grant: UnitGrant,
  catalog: CatalogLookup | undefined,
): [CalculatedOrder, number] | null {
  const items = [...order.items];
  const match = lookUp(grant, catalog);
  let index = findGrantLine(items, grant);
  const price = items[index]?.price ?? catalogPrice(match);
  if (price === null) return null;
  if (index === -1) {
    if (!match) return null;
    index = items.push(newLine(match, items.length)) - 1;
  }
  const before = items[index] as CalculatedOrderItem;
  const after = grantUnits(before, grant, price, order.total_amount);
  items[index] = after;
  const amount = checkSafe(order.amount + after.amount - before.amount);
  return [settleTotals({ ...order, items, amount }), index];
}

/**
 * Gives the discount's free units, growing lines and the order's amount by the units it adds. A
 * product missing from the order gets a new line priced from the catalog. When some unit can be
 * priced neither from its line nor from the catalog, nothing is applied and the units are reported.
 */
export function applyUnitDiscount(
  order: CalculatedOrder,
  discount: UnitDiscount,
  catalog?: CatalogLookup,
): UnitApplication {
  let current = order;
  const touched = new Set<number>();
  const missing: MissingProduct[] = [];
  for (const grant of grantsOf(discount)) {
    const applied = applyGrant(current, grant, catalog);
    if (applied === null) {
      missing.push({ product_id: grant.unit_type, sku_id: grant.sku?.id ?? null });
      continue;
    }
    current = applied[0];
    touched.add(applied[1]);
  }
  if (missing.length > 0) return { order, discount_amount: 0, applied_items: [], missing_products: missing };
  return {
    order: current,
    discount_amount: current.items_applied_discount_amount,
    applied_items: [...touched].sort((a, b) => a - b),
    missing_products: [],
  };
}
