import type { Campaign } from '../campaigns/campaign.js';
import type { EffectiveVoucher, Voucher } from './voucher.js';

/** The voucher with every field in force: its own values, else its campaign's template, else the defaults. */
export function resolveVoucher(voucher: Voucher, campaign: Campaign | null): EffectiveVoucher {
  const template = campaign?.voucher;
  return {
    id: voucher.id,
    code: voucher.code,
    campaign_id: voucher.campaign_id,
    category_id: voucher.category_id ?? campaign?.category_id ?? null,
    type: voucher.type ?? template?.type ?? 'DISCOUNT_VOUCHER',
    discount: voucher.discount ?? template?.discount ?? null,
    gift: voucher.gift ?? template?.gift ?? null,
    loyalty_card: voucher.loyalty_card ?? template?.loyalty_card ?? null,
    start_date: voucher.start_date ?? template?.start_date ?? null,
    expiration_date: voucher.expiration_date ?? template?.expiration_date ?? null,
    validity_timeframe: voucher.validity_timeframe ?? template?.validity_timeframe ?? null,
    validity_day_of_week: voucher.validity_day_of_week ?? template?.validity_day_of_week ?? null,
    validity_hours: voucher.validity_hours ?? template?.validity_hours ?? null,
    redemption_quantity: voucher.redemption_quantity ?? template?.redemption.quantity ?? null,
    is_referral_code: voucher.is_referral_code ?? template?.is_referral_code ?? false,
    active: voucher.active ?? true,
    additional_info: voucher.additional_info,
    metadata: voucher.metadata,
    holder_id: voucher.holder_id,
    referrer_id: voucher.referrer_id,
    redeemed_quantity: voucher.redeemed_quantity,
    publish_count: voucher.publish_count,
    created_at: voucher.created_at,
    updated_at: voucher.updated_at,
  };
}
