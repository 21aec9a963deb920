import { describe, expect, it } from 'vitest';
import type { EffectiveVoucher } from '../vouchers/voucher.js';
import { type HolderCampaign, type RedeemableStatus, redeemableStatus } from './redeemable-status.js';

const NOW = new Date('2025-06-01T12:00:00.000Z');

function voucher(changes: Partial<EffectiveVoucher> = {}): EffectiveVoucher {
  return {
    id: 'v_1',
    code: 'CODE',
    campaign_id: null,
    category_id: null,
    type: 'DISCOUNT_VOUCHER',
    discount: null,
    gift: null,
    loyalty_card: null,
    redemption_quantity: 1,
    is_referral_code: false,
    active: true,
    additional_info: null,
    metadata: {},
    holder_id: 'cust_1',
    referrer_id: null,
    redeemed_quantity: 0,
    publish_count: 1,
    created_at: '2025-01-01T00:00:00.000Z',
    updated_at: null,
    start_date: null,
    expiration_date: null,
    validity_timeframe: null,
    validity_day_of_week: null,
    validity_hours: null,
    ...changes,
  };
}

describe('redeemableStatus', () => {
  const live = { active: true, start_date: null, expiration_date: null };
  it.each<[string, EffectiveVoucher, HolderCampaign | null, RedeemableStatus]>([
    ['a usable code', voucher(), live, 'ACTIVE'],
    ['a usable standalone code', voucher(), null, 'ACTIVE'],
    ['an unlimited code used often', voucher({ redemption_quantity: null, redeemed_quantity: 9 }), live, 'ACTIVE'],
    ['a switched-off code', voucher({ active: false }), live, 'DISABLED'],
    ['a code of a switched-off campaign', voucher(), { ...live, active: false }, 'DISABLED'],
    ['a used-up code', voucher({ redeemed_quantity: 1 }), live, 'USED'],
    ['a code starting later', voucher({ start_date: '2025-06-02T00:00:00.000Z' }), live, 'NOT_ACTIVE_YET'],
    ['an expired code', voucher({ expiration_date: '2025-05-01T00:00:00.000Z' }), live, 'EXPIRED'],
    ['a code of an ended campaign', voucher(), { ...live, expiration_date: '2025-05-01T00:00:00.000Z' }, 'EXPIRED'],
    [
      'a code of a campaign yet to start',
      voucher(),
      { ...live, start_date: '2025-07-01T00:00:00.000Z' },
      'NOT_ACTIVE_YET',
    ],
    ['a code for other week days', voucher({ validity_day_of_week: [1] }), live, 'ACTIVE'],
  ])('shows %s', (_label, subject, campaign, status) => {
    expect(redeemableStatus(subject, campaign, NOW, 'UTC')).toBe(status);
  });
});
