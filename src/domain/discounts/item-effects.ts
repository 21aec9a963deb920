import type { CalculatedOrderItem } from './calculated-order.js';
import type { ItemEffect, ValueDiscount } from './discount.js';
import { allocateProportionally, multiplyRatio, percentOf, scaleDownTo } from './money-math.js';
import { selectUnits, type UnitLine } from './select-units.js';
import { type ApplicableTarget, type DiscountTargets, findItemTarget } from './targets.js';

export type CalculationBase = 'DISCOUNTED_AMOUNT' | 'INITIAL_AMOUNT';

/** One applicable line and the units of it the discount reaches. */
export interface ItemSlot {
  index: number;
  /** The applicable target the line matched; `all` when every line not excluded applies. */
  group: number | 'all';
  target: ApplicableTarget | undefined;
  units: number;
  selected: number;
  /** What the selected units are worth to the discount: their share of the line's base. */
  selectedBase: number;
  /** The line's subtotal now: no discount takes it below zero. */
  remaining: number;
}

interface LineBasis extends UnitLine {
  base: number;
}

/**
 * A line's base is its running subtotal, or in INITIAL_AMOUNT mode the line as the shop sent it,
 * before discounts and added units. A line without a quantity counts as one unit; a line of
 * quantity 0 has no unit to discount, whatever amount it states.
 */
function basisOf(item: CalculatedOrderItem, index: number, mode: CalculationBase): LineBasis {
  const initial = mode === 'INITIAL_AMOUNT';
  const units = Math.max(0, (initial ? item.initial_quantity : item.quantity) ?? 1);
  const unitPrice = item.price ?? (units > 0 ? item.amount / units : 0);
  return { index, units, unitPrice, base: initial ? item.initial_amount : item.subtotal_amount };
}

/** What `count` of the line's units are worth: their share of its base. */
function baseOfUnits(line: LineBasis, count: number): number {
  if (line.units === 0) return 0;
  return count >= line.units ? line.base : multiplyRatio(line.base, count, line.units);
}

function groupLines(items: readonly CalculatedOrderItem[], targets: DiscountTargets): Map<number | 'all', number[]> {
  const groups = new Map<number | 'all', number[]>();
  items.forEach((item, index) => {
    if (targets.excludedLines?.has(index)) return;
    const group = findItemTarget(item, targets);
    if (group === null) return;
    const lines = groups.get(group);
    if (lines) lines.push(index);
    else groups.set(group, [index]);
  });
  return groups;
}

/** The applicable lines, in order, with the units each target's effect and limits choose. */
export function buildItemSlots(
  items: readonly CalculatedOrderItem[],
  targets: DiscountTargets,
  mode: CalculationBase,
): ItemSlot[] {
  const slots: ItemSlot[] = [];
  for (const [group, indices] of groupLines(items, targets)) {
    const target = group === 'all' ? undefined : targets.applicable[group];
    const lines = indices.map((index) => basisOf(items[index] as CalculatedOrderItem, index, mode));
    const selected = selectUnits(lines, target);
    for (const line of lines) {
      const count = selected.get(line.index) ?? 0;
      const selectedBase = baseOfUnits(line, count);
      const remaining = items[line.index]?.subtotal_amount ?? 0;
      slots.push({ index: line.index, group, target, units: line.units, selected: count, selectedBase, remaining });
    }
  }
  return slots.sort((a, b) => a.index - b.index);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** What each slot would get before any limit. */
function rawDiscounts(discount: ValueDiscount, effect: ItemEffect, slots: readonly ItemSlot[]): number[] {
  const bases = slots.map((slot) => slot.selectedBase);
  switch (discount.type) {
    case 'PERCENT':
      return slots.map((slot) => percentOf(slot.selectedBase, discount.percent_off));
    case 'FIXED':
      return slots.map((slot) => {
        const newPrice = slot.target?.price ?? discount.fixed_amount;
        return Math.max(0, slot.selectedBase - newPrice * slot.selected);
      });
    case 'AMOUNT':
      switch (effect) {
        case 'APPLY_TO_ITEMS':
          return slots.map((slot) => (slot.selected > 0 ? discount.amount_off : 0));
        case 'APPLY_TO_ITEMS_BY_QUANTITY':
          return slots.map((slot) => discount.amount_off * slot.selected);
        case 'APPLY_TO_ITEMS_PROPORTIONALLY':
          return allocateProportionally(Math.min(discount.amount_off, sum(bases)), bases, bases);
        case 'APPLY_TO_ITEMS_PROPORTIONALLY_BY_QUANTITY': {
          const quantities = slots.map((slot) => slot.selected);
          return allocateProportionally(Math.min(discount.amount_off, sum(bases)), quantities, bases);
        }
      }
  }
}

function lineLimit(discount: ValueDiscount, slot: ItemSlot): number {
  const percentLimit = discount.type === 'PERCENT' ? discount.amount_limit : undefined;
  return Math.min(
    slot.selectedBase,
    slot.remaining,
    slot.target?.amount_limit ?? Number.POSITIVE_INFINITY,
    percentLimit ?? Number.POSITIVE_INFINITY,
  );
}

/** Lowers the parts of each target's lines to that target's aggregated amount limit. */
function capPerTarget(slots: readonly ItemSlot[], parts: readonly number[]): number[] {
  const capped = [...parts];
  const groups = new Set(slots.map((slot) => slot.group));
  for (const group of groups) {
    const members = slots.flatMap((slot, k) => (slot.group === group ? [k] : []));
    const limit = slots[members[0] ?? 0]?.target?.aggregated_amount_limit;
    if (limit === null || limit === undefined) continue;
    const scaled = scaleDownTo(
      limit,
      members.map((k) => capped[k] ?? 0),
    );
    members.forEach((k, j) => {
      capped[k] = scaled[j] ?? 0;
    });
  }
  return capped;
}

/**
 * The discount of each slot: the effect's amount, then no more than the selected units are worth
 * or the line has left, the per-line limits, each target's aggregated limit and the discount's
 * own. Limits that bind over several lines lower them in proportion, by largest remainder.
 */
export function computeItemDiscounts(
  discount: ValueDiscount,
  effect: ItemEffect,
  slots: readonly ItemSlot[],
): number[] {
  const raw = rawDiscounts(discount, effect, slots);
  const perLine = raw.map((amount, k) => Math.max(0, Math.min(amount, lineLimit(discount, slots[k] as ItemSlot))));
  const perTarget = capPerTarget(slots, perLine);
  const limit = discount.type === 'FIXED' ? undefined : discount.aggregated_amount_limit;
  return limit === undefined ? perTarget : scaleDownTo(limit, perTarget);
}
