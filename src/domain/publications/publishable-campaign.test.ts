import { describe, expect, it } from 'vitest';
import type { Campaign } from '../campaigns/campaign.js';
import { campaignPublishRefusal, inheritedExpiration } from './publishable-campaign.js';

const NOW = new Date('2025-06-01T12:00:00.000Z');

function campaign(changes: Partial<Campaign> = {}, templateExpiration: string | null = null): Campaign {
  return {
    id: 'camp_1',
    name: 'Spring',
    description: null,
    campaign_type: 'DISCOUNT_COUPONS',
    type: 'STATIC',
    voucher: {
      type: 'DISCOUNT_VOUCHER',
      discount: { type: 'AMOUNT', amount_off: 100 } as never,
      gift: null,
      loyalty_card: null,
      redemption: { quantity: null },
      code_config: {},
      is_referral_code: false,
      expiration_date: templateExpiration,
    },
    auto_join: false,
    join_once: false,
    use_voucher_metadata_schema: false,
    activity_duration_after_publishing: null,
    active: true,
    metadata: {},
    category_id: null,
    vouchers_count: 0,
    vouchers_generation_status: 'DONE',
    protected: false,
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

describe('campaignPublishRefusal', () => {
  it.each<[string, Campaign, boolean]>([
    ['an active campaign', campaign(), false],
    ['a campaign expiring later', campaign({ expiration_date: '2025-06-02T00:00:00.000Z' }), false],
    ['a disabled campaign', campaign({ active: false }), true],
    ['an expired campaign', campaign({ expiration_date: '2025-05-31T00:00:00.000Z' }), true],
    ['a campaign whose codes expired', campaign({}, '2025-05-31T00:00:00.000Z'), true],
    ['a promotion', campaign({ campaign_type: 'PROMOTION' }), true],
  ])('judges %s', (_label, subject, refused) => {
    expect(campaignPublishRefusal(subject, NOW) !== null).toBe(refused);
  });

  it("names the template's expiration as what codes inherit", () => {
    expect(inheritedExpiration(campaign({}, '2025-07-01T00:00:00.000Z'))).toBe('2025-07-01T00:00:00.000Z');
    expect(inheritedExpiration(null)).toBeNull();
  });
});
