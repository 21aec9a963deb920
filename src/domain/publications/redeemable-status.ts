import { checkValidity } from '../vouchers/check-validity.js';
import type { EffectiveVoucher } from '../vouchers/voucher.js';

export type RedeemableStatus = 'ACTIVE' | 'USED' | 'DISABLED' | 'NOT_ACTIVE_YET' | 'EXPIRED';

/** The campaign a held code belongs to, as far as the wallet judges it; null for a standalone code. */
export interface HolderCampaign {
  active: boolean;
  start_date: string | null;
  expiration_date: string | null;
}

/** Only the dates: week days and hours are left to validation. */
function datesOf(subject: { start_date: string | null; expiration_date: string | null }) {
  const { start_date, expiration_date } = subject;
  return { start_date, expiration_date, validity_timeframe: null, validity_day_of_week: null, validity_hours: null };
}

/**
 * What a wallet shows of a code it holds: switched off (itself or its campaign) first, then used
 * up, then outside its own or its campaign's dates, as validation judges them. Week days and hours
 * do not make a held code inactive: it is still the customer's to use later the same week.
 */
export function redeemableStatus(
  voucher: EffectiveVoucher,
  campaign: HolderCampaign | null,
  now: Date,
  timezone: string,
): RedeemableStatus {
  if (!voucher.active || (campaign !== null && !campaign.active)) return 'DISABLED';
  const quantity = voucher.redemption_quantity;
  if (quantity !== null && voucher.redeemed_quantity >= quantity) return 'USED';
  const refusal =
    checkValidity(datesOf(voucher), now, timezone) ??
    (campaign ? checkValidity(datesOf(campaign), now, timezone) : null);
  if (refusal === 'voucher_not_active') return 'NOT_ACTIVE_YET';
  if (refusal === 'voucher_expired') return 'EXPIRED';
  return 'ACTIVE';
}
