import type { Campaign, Discount } from '../../api/api-types';
import { type FieldReading, refuseAt } from '../../components/form-problem';
import { type DiscountSettings, EMPTY_DISCOUNT } from './read-discount';

/** What the fields show of each discount; `effect` only as the default, which sending nothing keeps. */
const SHOWN_KEYS: Partial<Record<string, readonly string[]>> = {
  PERCENT: ['type', 'percent_off'],
  AMOUNT: ['type', 'amount_off'],
};

/** Whether every set field of the discount is one the form shows (a cap, a formula, an effect on items are not). */
function holdsOnly(discount: Discount, shown: readonly string[]): boolean {
  return Object.entries(discount).every(
    ([key, value]) =>
      shown.includes(key) || value === null || value === undefined || (key === 'effect' && value === 'APPLY_TO_ORDER'),
  );
}

/**
 * A campaign's discount as the edit form's fields hold it, or null when those fields cannot show it
 * whole (a fixed price, units, a cap, an effect on items, a formula, no discount at all): the form then leaves it
 * as it is rather than offer a lossy copy.
 */
export function toDiscountSettings(discount: Discount | null | undefined): DiscountSettings | null {
  if (!discount || !holdsOnly(discount, SHOWN_KEYS[discount.type] ?? [])) return null;
  if (discount.type === 'PERCENT') {
    return { ...EMPTY_DISCOUNT, kind: 'PERCENT', percentOff: String(discount.percent_off) };
  }
  if (discount.type === 'AMOUNT') {
    return { ...EMPTY_DISCOUNT, kind: 'AMOUNT', amountOff: (discount.amount_off / 100).toFixed(2) };
  }
  return null;
}

/** Campaigns whose codes all share the template's discount: coupons, and a referral program's shared codes. */
export function hasEditableOffer(campaign: Campaign): boolean {
  return campaign.campaign_type === 'DISCOUNT_COUPONS' || campaign.campaign_type === 'REFERRAL_PROGRAM';
}

export function toUsesText(quantity: number | null | undefined): string {
  return quantity === null || quantity === undefined ? '' : String(quantity);
}

/** The uses per code typed in `field`: blank is unlimited (null), else a whole number from 1. */
export function readUsesPerCode(text: string, field: string): FieldReading<number | null> {
  if (text.trim() === '') return { ok: true, value: null };
  const quantity = Number(text);
  if (!Number.isSafeInteger(quantity) || quantity < 1) {
    return refuseAt(field, 'Uses per code must be a whole number from 1, or blank for unlimited.');
  }
  return { ok: true, value: quantity };
}
