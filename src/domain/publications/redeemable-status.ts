import { checkValidity } from '../vouchers/check-validity.js';
import type { EffectiveVoucher } from '../vouchers/voucher.js';

export type RedeemableStatus = 'ACTIVE' | 'USED' | 'DISABLED' | 'NOT_ACTIVE_YET' | 'EXPIRED';

/**
 * What a wallet shows of a code it holds: switched off (itself or its campaign) first, then used
 * up, then outside its dates. Week days and hours do not make a held code inactive: it is still
 * the customer's to use later the same week.
 */
export function redeemableStatus(
  voucher: EffectiveVoucher,
  campaignActive: boolean,
  now: Date,
  timezone: string,
): RedeemableStatus {
  if (!voucher.active || !campaignActive) return 'DISABLED';
  const quantity = voucher.redemption_quantity;
  if (quantity !== null && voucher.redeemed_quantity >= quantity) return 'USED';
  const dates = { ...voucher, validity_timeframe: null, validity_day_of_week: null, validity_hours: null };
  const refusal = checkValidity(dates, now, timezone);
  if (refusal === 'voucher_not_active') return 'NOT_ACTIVE_YET';
  if (refusal === 'voucher_expired') return 'EXPIRED';
  return 'ACTIVE';
}
