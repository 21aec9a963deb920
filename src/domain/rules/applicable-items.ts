import { type ApplicableTarget, type DiscountTargets, findItemTarget, isTargetMatch } from '../discounts/targets.js';
import type { OrderItem } from '../orders/order.js';
import type { ApplicableToDefinition, ApplicableToEntry } from './parse-applicable-to.js';

/** A collection's members, resolved by the caller (a static list, or an auto-update filter run). */
export interface CollectionMembers {
  product_ids: readonly string[];
  sku_ids: readonly string[];
}

/** Null for a collection that no longer exists: it then matches nothing. */
export type CollectionMembersLookup = (collectionId: string) => CollectionMembers | null;

function toTarget(entry: ApplicableToEntry, membersOf: CollectionMembersLookup): ApplicableTarget {
  const members =
    entry.object === 'products_collection' ? (membersOf(entry.id) ?? { product_ids: [], sku_ids: [] }) : null;
  return {
    object: entry.object,
    id: entry.id,
    source_id: entry.source_id,
    product_id: entry.product_id,
    ...(members ? { product_ids: members.product_ids, sku_ids: members.sku_ids } : {}),
    price: entry.price,
    effect: entry.effect,
    quantity_limit: entry.quantity_limit,
    aggregated_quantity_limit: entry.aggregated_quantity_limit,
    amount_limit: entry.amount_limit,
    aggregated_amount_limit: entry.aggregated_amount_limit,
  };
}

/** Units and unit price of a line, as the discount engine's unit selection reads them. */
function unitsAndPrice(item: OrderItem): { units: number; unitPrice: number } {
  const units = Math.max(0, item.quantity ?? 1);
  return { units, unitPrice: item.price ?? (units > 0 ? (item.amount ?? 0) / units : 0) };
}

/**
 * `target: ITEM` with APPLY_TO_CHEAPEST / APPLY_TO_MOST_EXPENSIVE discounts the whole cheapest
 * (most expensive) line, where the engine's effect takes one unit. With the order known, that is
 * APPLY_FROM_CHEAPEST (…MOST_EXPENSIVE) limited to that line's units: the line comes first in
 * price order (the first of equals, as the engine breaks ties) and uses the whole budget.
 */
function toWholeLine(targets: DiscountTargets, position: number, items: readonly OrderItem[]): ApplicableTarget {
  const target = targets.applicable[position] as ApplicableTarget;
  const cheapest = target.effect === 'APPLY_TO_CHEAPEST';
  let chosen: { units: number; unitPrice: number } | null = null;
  for (const item of items) {
    if (findItemTarget(item, targets) !== position) continue;
    const line = unitsAndPrice(item);
    if (line.units === 0) continue;
    const isBetter =
      chosen === null || (cheapest ? line.unitPrice < chosen.unitPrice : line.unitPrice > chosen.unitPrice);
    if (isBetter) chosen = line;
  }
  if (chosen === null) return target;
  const perLine = Math.min(chosen.units, target.quantity_limit ?? Number.POSITIVE_INFINITY);
  return {
    ...target,
    effect: cheapest ? 'APPLY_FROM_CHEAPEST' : 'APPLY_FROM_MOST_EXPENSIVE',
    aggregated_quantity_limit: Math.min(perLine, target.aggregated_quantity_limit ?? Number.POSITIVE_INFINITY),
  };
}

function isWholeLineEntry(entry: ApplicableToEntry): boolean {
  return (
    entry.target === 'ITEM' && (entry.effect === 'APPLY_TO_CHEAPEST' || entry.effect === 'APPLY_TO_MOST_EXPENSIVE')
  );
}

/**
 * The `applicable_to` of a definition in the shape the discount engine takes (targets.ts):
 * included entries in order (none with `included_all`, which the engine reads as every line not
 * excluded), excluded ones as inapplicable, collections with their members. Given the order's
 * lines, `target: ITEM` entries become whole-line selections; without them they act per unit.
 */
export function toDiscountTargets(
  definition: ApplicableToDefinition,
  membersOf: CollectionMembersLookup,
  items?: readonly OrderItem[],
): DiscountTargets {
  const included = definition.included_all ? [] : definition.included;
  const targets: DiscountTargets = {
    applicable: included.map((entry) => toTarget(entry, membersOf)),
    inapplicable: definition.excluded.map((entry) => toTarget(entry, membersOf)),
  };
  if (!items || !included.some(isWholeLineEntry)) return targets;
  return {
    ...targets,
    applicable: targets.applicable.map((target, k) =>
      isWholeLineEntry(included[k] as ApplicableToEntry) ? toWholeLine(targets, k, items) : target,
    ),
  };
}

/** One entry as the API shows it: ids, `strict` and `effect` always, other fields when set. */
export function toApplicableToObject(entry: ApplicableToEntry, orderItemIndices?: readonly number[]) {
  const { object, id, source_id, product_id, product_source_id, strict, effect, ...rest } = entry;
  const optional = Object.entries({ product_id, product_source_id, ...rest }).filter(([, value]) => value !== null);
  return {
    object,
    id,
    source_id,
    strict,
    effect,
    ...Object.fromEntries(optional),
    ...(orderItemIndices ? { order_item_indices: [...orderItemIndices] } : {}),
  };
}

export type ApplicableToObject = ReturnType<typeof toApplicableToObject>;

export interface ApplicableToList {
  object: 'list';
  data_ref: 'data';
  data: ApplicableToObject[];
  total: number;
}

function listOf(data: ApplicableToObject[]): ApplicableToList {
  return { object: 'list', data_ref: 'data', data, total: data.length };
}

function indicesWhere(items: readonly OrderItem[], test: (item: OrderItem) => boolean): number[] {
  return items.flatMap((item, index) => (test(item) ? [index] : []));
}

/**
 * `applicable_to` and `inapplicable_to` as validation answers show them:
 * `{object: "list", data_ref: "data", data, total}`. Given the order and the resolved targets,
 * each entry carries `order_item_indices`: the lines it reaches (an included entry only those it
 * is the first match for, excluded lines never) or, for an excluded entry, the lines it excludes.
 */
export function toApplicableToLists(
  definition: ApplicableToDefinition,
  placed?: { items: readonly OrderItem[]; targets: DiscountTargets },
): { applicable_to: ApplicableToList; inapplicable_to: ApplicableToList } {
  const included = definition.included_all ? [] : definition.included;
  const applicable = included.map((entry, k) =>
    toApplicableToObject(
      entry,
      placed && indicesWhere(placed.items, (item) => findItemTarget(item, placed.targets) === k),
    ),
  );
  const inapplicable = definition.excluded.map((entry, k) => {
    const target = placed?.targets.inapplicable[k];
    return toApplicableToObject(
      entry,
      placed && target && indicesWhere(placed.items, (item) => isTargetMatch(item, target)),
    );
  });
  return { applicable_to: listOf(applicable), inapplicable_to: listOf(inapplicable) };
}
