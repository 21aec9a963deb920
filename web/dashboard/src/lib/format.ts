import type { Discount } from '../api/api-types';

const moneyFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** Money is kept in minor units (10000 = 100.00) and has no currency of its own. */
export function formatMoney(minorUnits: number | null | undefined): string {
  if (minorUnits === null || minorUnits === undefined) return '—';
  return moneyFormat.format(minorUnits / 100);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

export function formatDiscount(discount: Discount | null | undefined): string {
  if (!discount) return '—';
  switch (discount.type) {
    case 'PERCENT':
      return `${discount.percent_off}% off`;
    case 'AMOUNT':
      return `${formatMoney(discount.amount_off)} off`;
    case 'FIXED':
      return `Fixed price ${formatMoney(discount.fixed_amount)}`;
    case 'UNIT':
      return `${discount.unit_off ?? 1} unit(s) off`;
  }
}

/** "3 / 10", or "3 / unlimited" when a code has no limit on uses. */
export function formatUses(redeemed: number, quantity: number | null | undefined): string {
  return `${redeemed} / ${quantity === null || quantity === undefined ? 'unlimited' : quantity}`;
}

const campaignTypeNames: Record<string, string> = {
  DISCOUNT_COUPONS: 'Discount coupons',
  PROMOTION: 'Promotion',
  GIFT_VOUCHERS: 'Gift vouchers',
  REFERRAL_PROGRAM: 'Referral program',
  LOYALTY_PROGRAM: 'Loyalty program',
};

export function formatCampaignType(type: string): string {
  return campaignTypeNames[type] ?? type;
}

/**
 * Reads an amount typed as the user sees money ("10", "10.5", "10,50") into minor units, with whole
 * numbers only so that 0.1 + 0.2 rounding never changes a price. Answers null for anything else.
 */
export function parseMoney(text: string): number | null {
  const match = /^\s*(\d{1,13})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  return whole * 100 + fraction;
}
