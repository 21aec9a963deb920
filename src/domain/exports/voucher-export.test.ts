import { describe, expect, it } from 'vitest';
import type { Campaign } from '../campaigns/campaign.js';
import type { Voucher } from '../vouchers/voucher.js';
import { checkExportedObject } from './exported-objects.js';
import { parseVoucherExportParameters } from './voucher-export-parameters.js';
import { voucherExportRow } from './voucher-export-row.js';

const voucher = (overrides: Partial<Voucher>): Voucher => ({
  id: 'v_1',
  code: 'CODE-1',
  campaign_id: null,
  category_id: null,
  type: 'DISCOUNT_VOUCHER',
  discount: { type: 'AMOUNT', amount_off: 1500 },
  gift: null,
  loyalty_card: null,
  start_date: null,
  expiration_date: null,
  validity_timeframe: null,
  validity_day_of_week: null,
  validity_hours: null,
  redemption_quantity: null,
  is_referral_code: false,
  active: true,
  additional_info: null,
  metadata: {},
  holder_id: null,
  referrer_id: null,
  redeemed_quantity: 0,
  publish_count: 0,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: null,
  ...overrides,
});

const row = (v: Voucher, fields: Parameters<typeof voucherExportRow>[1], campaign: Campaign | null = null) =>
  voucherExportRow(
    {
      voucher: v,
      campaign,
      categoryName: null,
      customerSourceId: null,
      validationRuleIds: [],
      qrUrl: '',
      barcodeUrl: '',
    },
    fields,
  );

describe('checkExportedObject', () => {
  it.each([
    ['voucher', undefined],
    ['redemption', 'Exporting redemption is not supported yet'],
    ['points_expiration', 'Exporting points_expiration is not supported yet'],
    ['voucher_transactions', '/v1/vouchers/{code}/transactions/export'],
    ['product', 'should be one of voucher, redemption'],
  ])('%s', (kind, message) => {
    if (message === undefined) expect(checkExportedObject(kind)).toBe(kind);
    else
      expect(() => checkExportedObject(kind)).toThrow(
        expect.objectContaining({ details: expect.stringContaining(message) }),
      );
  });
});

describe('parseVoucherExportParameters', () => {
  it('gives the documented defaults, newest first, every voucher', () => {
    expect(parseVoucherExportParameters(undefined)).toEqual({
      order: '-created_at',
      fields: ['code', 'voucher_type', 'value', 'discount_type'],
      filters: { junction: 'and' },
      campaign_id: null,
      campaign_ids: null,
    });
  });

  it.each([
    [{ filters: { campaign_ids: { conditions: { $in: ['a', 'b'] } } } }, ['a', 'b']],
    [{ filters: { campaign_id: { conditions: { $is: 'a' } } } }, ['a']],
    [{ campaign_id: 'b', filters: { campaign_ids: { conditions: { $in: ['a', 'b'] } } } }, ['b']],
    [
      {
        filters: {
          junction: 'OR',
          campaign_id: { conditions: { $is: 'c' } },
          campaign_ids: { conditions: { $in: ['a'] } },
        },
      },
      ['c', 'a'],
    ],
    [{ filters: { campaign_id: { conditions: { $is: 'c' } }, campaign_ids: { conditions: { $in: ['a'] } } } }, []],
  ])('selects campaigns from %j', (input, ids) => {
    expect(parseVoucherExportParameters(input).campaign_ids).toEqual(ids);
  });

  it.each([
    [{ fields: ['code', 'colour'] }, 'holds colour'],
    [{ fields: [] }, 'at least one field'],
    [{ order: 'value' }, 'should be one of -created_at'],
    [{ filters: { code: { conditions: { $is: 'X' } } } }, '.filters.code is not supported yet'],
    [{ filters: { junction: 'xor' } }, 'junction'],
    [{ filters: { campaign_ids: { conditions: { $in: [] } } } }, '1 to 100 campaign ids'],
    [{ filters: { campaign_ids: { conditions: { $not_in: ['a'] } } } }, '$not_in is not supported yet'],
    [{ filters: { campaign_ids: ['a'] } }, 'should be {"conditions"'],
  ])('refuses %j', (input, message) => {
    expect(() => parseVoucherExportParameters(input)).toThrow(
      expect.objectContaining({ key: 'invalid_payload', details: expect.stringContaining(message) }),
    );
  });
});

describe('voucherExportRow', () => {
  it.each([
    [voucher({}), ['1500', 'AMOUNT', '']],
    [voucher({ discount: { type: 'PERCENT', percent_off: 12.5, amount_limit: 2000 } }), ['12.5', 'PERCENT', '2000']],
    [voucher({ discount: { type: 'FIXED', fixed_amount: 999 } }), ['999', 'FIXED', '']],
    [
      voucher({ type: 'GIFT_VOUCHER', discount: null, gift: { amount: 5000, effect: null }, gift_balance: 1200 }),
      ['1200', '', ''],
    ],
    [voucher({ type: 'LOYALTY_CARD', discount: null, loyalty_card: { points: 70 } }), ['70', '', '']],
  ])('writes the value of %j in minor units', (v, cells) => {
    expect(row(v, ['value', 'discount_type', 'discount_amount_limit'])).toEqual(cells);
  });

  it("writes booleans, metadata and validity as Voucherify does, and the campaign's values where the voucher has none", () => {
    const campaign = {
      id: 'camp_1',
      name: 'Spring',
      voucher: { type: 'DISCOUNT_VOUCHER', discount: { type: 'AMOUNT', amount_off: 700 }, redemption: { quantity: 4 } },
    } as unknown as Campaign;
    const v = voucher({
      campaign_id: 'camp_1',
      type: null,
      discount: null,
      redemption_quantity: null,
      active: false,
      metadata: { a: [1, 'x'] },
      validity_day_of_week: [1, 2],
      validity_timeframe: { interval: 'P2D', duration: 'PT1H' },
    });
    expect(
      row(
        v,
        [
          'campaign',
          'voucher_type',
          'value',
          'redemption_quantity',
          'active',
          'is_referral_code',
          'metadata',
          'validity_day_of_week',
          'validity_timeframe_interval',
          'validity_timeframe_duration',
          'updated_at',
        ],
        campaign,
      ),
    ).toEqual(['Spring', 'DISCOUNT_VOUCHER', '700', '4', 'false', 'false', '{"a":[1,"x"]}', '1,2', 'P2D', 'PT1H', '']);
  });
});
