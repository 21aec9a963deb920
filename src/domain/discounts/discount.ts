export const DISCOUNT_TYPES = ['AMOUNT', 'PERCENT', 'FIXED', 'UNIT'] as const;
export type DiscountType = (typeof DISCOUNT_TYPES)[number];

export const AMOUNT_EFFECTS = [
  'APPLY_TO_ORDER',
  'APPLY_TO_ITEMS',
  'APPLY_TO_ITEMS_PROPORTIONALLY',
  'APPLY_TO_ITEMS_PROPORTIONALLY_BY_QUANTITY',
  'APPLY_TO_ITEMS_BY_QUANTITY',
] as const;
export type AmountEffect = (typeof AMOUNT_EFFECTS)[number];

export const PERCENT_EFFECTS = ['APPLY_TO_ORDER', 'APPLY_TO_ITEMS'] as const;
export type PercentEffect = (typeof PERCENT_EFFECTS)[number];

export const FIXED_EFFECTS = ['APPLY_TO_ORDER', 'APPLY_TO_ITEMS'] as const;
export type FixedEffect = (typeof FIXED_EFFECTS)[number];

/** How one kind of free unit reaches the cart. */
export const UNIT_EFFECTS = ['ADD_MISSING_ITEMS', 'ADD_NEW_ITEMS'] as const;
export type UnitEffect = (typeof UNIT_EFFECTS)[number];

/** Every effect a discount can have once its default is resolved. */
export type DiscountEffect = AmountEffect | PercentEffect | FixedEffect | UnitEffect | 'ADD_MANY_ITEMS';

/** Effects that discount order lines rather than the order as a whole. */
export type ItemEffect = Exclude<AmountEffect, 'APPLY_TO_ORDER'>;

/** The product or SKU a unit discount names, as Voucherify echoes it. */
export interface UnitItemRef {
  id?: string | null;
  source_id?: string | null;
  name?: string | null;
}

export interface AmountDiscount {
  type: 'AMOUNT';
  /** Minor units taken off the order, each line, each unit or split over lines, as the effect says. */
  amount_off: number;
  amount_off_formula?: string;
  /** Most this discount gives on one order. */
  aggregated_amount_limit?: number;
  effect?: AmountEffect;
  is_dynamic?: boolean;
}

export interface PercentDiscount {
  type: 'PERCENT';
  /** 0 < percent_off ≤ 100, may have decimals. */
  percent_off: number;
  percent_off_formula?: string;
  /** Most this discount gives on the order (APPLY_TO_ORDER) or on one line (APPLY_TO_ITEMS). */
  amount_limit?: number;
  aggregated_amount_limit?: number;
  effect?: PercentEffect;
  is_dynamic?: boolean;
}

export interface FixedDiscount {
  type: 'FIXED';
  /** The new order total (APPLY_TO_ORDER), or the new unit price when the target states none. */
  fixed_amount: number;
  fixed_amount_formula?: string;
  effect?: FixedEffect;
  is_dynamic?: boolean;
}

/** Units of one product (or one of its SKUs) given for free. */
export interface UnitGrant {
  unit_off: number;
  unit_off_formula?: string;
  /** The product id of the free units. */
  unit_type: string;
  effect: UnitEffect;
  product?: UnitItemRef;
  sku?: UnitItemRef;
}

export interface SingleUnitDiscount extends UnitGrant {
  type: 'UNIT';
  is_dynamic?: boolean;
}

export interface ManyUnitsDiscount {
  type: 'UNIT';
  effect: 'ADD_MANY_ITEMS';
  units: UnitGrant[];
  is_dynamic?: boolean;
}

export type UnitDiscount = SingleUnitDiscount | ManyUnitsDiscount;

/** A discount as Voucherify defines it, told apart by `type`. Formulas are kept as data, not evaluated. */
export type Discount = AmountDiscount | PercentDiscount | FixedDiscount | UnitDiscount;

/** AMOUNT, PERCENT and FIXED: the discounts that take money off rather than give units. */
export type ValueDiscount = AmountDiscount | PercentDiscount | FixedDiscount;

/**
 * The effect Voucherify gives a discount that names none: a discount restricted to some products
 * applies to those items, otherwise to the whole order. A unit discount always names its effect.
 */
export function defaultEffect(discount: ValueDiscount, hasTargets: boolean): PercentEffect;
export function defaultEffect(discount: UnitDiscount, hasTargets: boolean): UnitDiscount['effect'];
export function defaultEffect(discount: Discount, hasTargets: boolean): DiscountEffect;
export function defaultEffect(discount: Discount, hasTargets: boolean): DiscountEffect {
  if (discount.type === 'UNIT') return discount.effect;
  return hasTargets ? 'APPLY_TO_ITEMS' : 'APPLY_TO_ORDER';
}

/** The effect in force: the discount's own, else the default for its targets. */
export function resolveEffect(discount: ValueDiscount, hasTargets: boolean): AmountEffect;
export function resolveEffect(discount: Discount, hasTargets: boolean): DiscountEffect;
export function resolveEffect(discount: Discount, hasTargets: boolean): DiscountEffect {
  return discount.effect ?? defaultEffect(discount, hasTargets);
}

export function isManyUnits(discount: UnitDiscount): discount is ManyUnitsDiscount {
  return discount.effect === 'ADD_MANY_ITEMS';
}
