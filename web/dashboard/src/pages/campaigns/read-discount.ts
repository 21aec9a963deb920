import type { Discount } from '../../api/api-types';
import type { DiscountInput } from '../../api/campaign-api';
import { type FieldReading, refuseAt } from '../../components/form-problem';
import { formatMoney, parseMoney } from '../../lib/format';
import type { DiscountKind } from '../discount-fields';

/** Voucherify's id for the shipping product; a shop whose carts name shipping otherwise types its own. */
export const SHIPPING_PRODUCT = 'prod_5h1pp1ng';

/**
 * The coupon form's discount settings, plus free shipping for promotion tiers: Voucherify gives it
 * as a UNIT discount making one unit of the shipping product free (ADD_MISSING_ITEMS).
 */
export interface DiscountSettings {
  kind: DiscountKind | 'SHIPPING';
  percentOff: string;
  amountOff: string;
  shippingProduct?: string;
}

/**
 * The discount typed in a form, or what is wrong with it. `idPrefix` is the discount fields' (the
 * percent field is `<idPrefix>-percent`), so a problem points at the field that holds it.
 */
export function readDiscount(settings: DiscountSettings, idPrefix = 'discount'): FieldReading<DiscountInput> {
  const refuse = (part: string, message: string) => refuseAt<DiscountInput>(`${idPrefix}-${part}`, message);
  if (settings.kind === 'SHIPPING') {
    const product = (settings.shippingProduct ?? '').trim();
    if (product === '') return refuse('shipping', 'Enter the id of the shipping product.');
    return { ok: true, value: { type: 'UNIT', unit_off: 1, unit_type: product, effect: 'ADD_MISSING_ITEMS' } };
  }
  if (settings.kind === 'PERCENT') {
    const percent = Number(settings.percentOff);
    if (settings.percentOff.trim() === '' || !(percent > 0 && percent <= 100)) {
      return refuse('percent', 'Percent off must be more than 0 and at most 100.');
    }
    return { ok: true, value: { type: 'PERCENT', percent_off: percent } };
  }
  const amount = parseMoney(settings.amountOff);
  if (amount === null || amount <= 0) return refuse('amount', 'Amount off must be a positive amount like 10.00.');
  return { ok: true, value: { type: 'AMOUNT', amount_off: amount } };
}

/** The cart the previews price: 100.00, in minor units. */
export const SAMPLE_CART = 10000;

/**
 * What the discount takes off the sample cart, worked out here rather than asked of the server so
 * the preview follows every keystroke; an amount never takes more than the cart.
 */
export function describeSampleDiscount(settings: DiscountSettings): string {
  const reading = readDiscount(settings);
  if (!reading.ok) return 'Enter a discount to see what it gives.';
  const discount = reading.value;
  if (discount.type === 'UNIT')
    return `Shipping (${discount.unit_type}) costs nothing; the rest of the cart is paid in full.`;
  const off =
    discount.type === 'PERCENT'
      ? Math.round((SAMPLE_CART * discount.percent_off) / 100)
      : discount.type === 'AMOUNT'
        ? Math.min(SAMPLE_CART, discount.amount_off)
        : 0;
  return `On a sample cart of ${formatMoney(SAMPLE_CART)} this gives ${formatMoney(off)} off (the customer pays ${formatMoney(SAMPLE_CART - off)}).`;
}

export const EMPTY_DISCOUNT: DiscountSettings = {
  kind: 'PERCENT',
  percentOff: '',
  amountOff: '',
  shippingProduct: SHIPPING_PRODUCT,
};

/** A tier's discount in words; free shipping reads as such rather than as a unit off. */
export function formatCampaignDiscount(discount: Discount | null | undefined): string | null {
  if (discount?.type === 'UNIT' && (discount as { effect?: string }).effect === 'ADD_MISSING_ITEMS') {
    return discount.unit_type === SHIPPING_PRODUCT ? 'Free shipping' : `Free ${discount.unit_type}`;
  }
  return null;
}
