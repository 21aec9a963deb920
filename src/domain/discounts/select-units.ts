import type { ApplicableTarget } from './targets.js';

/** An applicable line as unit selection sees it. */
export interface UnitLine {
  /** Position of the line in the order: the tie-break wherever prices are equal. */
  index: number;
  units: number;
  unitPrice: number;
}

type Direction = 'ascending' | 'descending';

function limitOf(value: number | null | undefined): number {
  return value ?? Number.POSITIVE_INFINITY;
}

function byPrice(lines: readonly UnitLine[], direction: Direction): UnitLine[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...lines].sort((a, b) => sign * (a.unitPrice - b.unitPrice) || a.index - b.index);
}

/** Takes units line after line, at most `perLine` from each, until `budget` units are taken. */
function takeInOrder(ordered: readonly UnitLine[], perLine: number, budget: number): Map<number, number> {
  const taken = new Map<number, number>();
  let left = budget;
  for (const line of ordered) {
    const units = Math.max(0, Math.min(line.units, perLine, left));
    taken.set(line.index, units);
    left -= units;
  }
  return taken;
}

/** One unit of the first line in price order that has a unit. */
function takeOne(ordered: readonly UnitLine[], perLine: number, budget: number): Map<number, number> {
  const first = ordered.find((line) => line.units > 0);
  return takeInOrder(first ? [first] : [], Math.min(1, perLine), budget);
}

/**
 * How many units of each line of one target get the discount, by the target's effect and
 * quantity limits: every unit (in line order when an aggregated limit runs out), one unit of the
 * cheapest or most expensive line, or units from the cheapest or most expensive line onwards
 * until the limits are used. Lines not chosen get 0.
 */
export function selectUnits(lines: readonly UnitLine[], target: ApplicableTarget | undefined): Map<number, number> {
  const perLine = limitOf(target?.quantity_limit);
  const budget = limitOf(target?.aggregated_quantity_limit);
  const chosen = chooseUnits(lines, target?.effect ?? 'APPLY_TO_EVERY', perLine, budget);
  return new Map(lines.map((line) => [line.index, chosen.get(line.index) ?? 0]));
}

function chooseUnits(
  lines: readonly UnitLine[],
  effect: NonNullable<ApplicableTarget['effect']>,
  perLine: number,
  budget: number,
): Map<number, number> {
  switch (effect) {
    case 'APPLY_TO_CHEAPEST':
      return takeOne(byPrice(lines, 'ascending'), perLine, budget);
    case 'APPLY_TO_MOST_EXPENSIVE':
      return takeOne(byPrice(lines, 'descending'), perLine, budget);
    case 'APPLY_FROM_CHEAPEST':
      return takeInOrder(byPrice(lines, 'ascending'), perLine, budget);
    case 'APPLY_FROM_MOST_EXPENSIVE':
      return takeInOrder(byPrice(lines, 'descending'), perLine, budget);
    case 'APPLY_TO_EVERY':
      return takeInOrder(lines, perLine, budget);
  }
}
