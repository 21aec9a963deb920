import { describe, expect, it } from 'vitest';
import { filterRedeemables, type QualificationFilters } from './filter-redeemables.js';
import { redeemable } from './redeemable-fixtures.js';

const coupon = redeemable({
  id: 'SAVE10',
  object: 'voucher',
  resource_id: 'v_1',
  code: 'SAVE10',
  voucher_type: 'DISCOUNT_VOUCHER',
  campaign_id: 'camp_coupons',
  campaign_type: 'DISCOUNT_COUPONS',
  category_ids: ['cat_a'],
  holder_role: 'OWNER',
});
const gift = redeemable({
  id: 'GIFT1',
  object: 'voucher',
  resource_id: 'v_2',
  code: 'GIFT1',
  voucher_type: 'GIFT_VOUCHER',
  campaign_id: 'camp_gifts',
  campaign_type: 'GIFT_VOUCHERS',
  holder_role: 'OWNER',
});
const tier = redeemable({
  id: 'promo_1',
  campaign_id: 'camp_promo',
  campaign_type: 'PROMOTION',
  category_ids: ['cat_b'],
});
const all = [coupon, gift, tier];
const ids = (filters: QualificationFilters | null) => filterRedeemables(all, filters).map((r) => r.id);

describe('filterRedeemables', () => {
  const cases: [string, QualificationFilters | null, string[]][] = [
    ['no filters keep everything', null, ['SAVE10', 'GIFT1', 'promo_1']],
    ['empty conditions keep everything', { campaign_id: {} }, ['SAVE10', 'GIFT1', 'promo_1']],
    ['resource_type $is', { resource_type: { conditions: { $is: ['promotion_tier'] } } }, ['promo_1']],
    [
      'resource_type $is compares the first value only',
      { resource_type: { conditions: { $is: ['voucher', 'promotion_tier'] } } },
      ['SAVE10', 'GIFT1'],
    ],
    [
      'resource_type $in',
      { resource_type: { conditions: { $in: ['voucher', 'promotion_tier'] } } },
      ['SAVE10', 'GIFT1', 'promo_1'],
    ],
    ['campaign_type $not_in', { campaign_type: { conditions: { $not_in: ['PROMOTION'] } } }, ['SAVE10', 'GIFT1']],
    ['campaign_id $is_not', { campaign_id: { conditions: { $is_not: ['camp_gifts'] } } }, ['SAVE10', 'promo_1']],
    ['category_id matches any category', { category_id: { conditions: { $in: ['cat_b', 'cat_x'] } } }, ['promo_1']],
    ['category_id $has_value', { category_id: { conditions: { $has_value: null } } }, ['SAVE10', 'promo_1']],
    ['category_id $is_unknown', { category_id: { conditions: { $is_unknown: null } } }, ['GIFT1']],
    ['code $is', { code: { conditions: { $is: ['SAVE10'] } } }, ['SAVE10']],
    ['voucher_type $is excludes tiers', { voucher_type: { conditions: { $is: ['GIFT_VOUCHER'] } } }, ['GIFT1']],
    ['holder_role $is OWNER', { holder_role: { conditions: { $is: ['OWNER'] } } }, ['SAVE10', 'GIFT1']],
    ['resource_id $in', { resource_id: { conditions: { $in: ['v_2', 'promo_1'] } } }, ['GIFT1', 'promo_1']],
    [
      'and (the default) needs every field',
      { resource_type: { conditions: { $is: ['voucher'] } }, category_id: { conditions: { $is: ['cat_a'] } } },
      ['SAVE10'],
    ],
    [
      'or needs any field',
      {
        junction: 'or',
        resource_type: { conditions: { $is: ['promotion_tier'] } },
        code: { conditions: { $is: ['GIFT1'] } },
      },
      ['GIFT1', 'promo_1'],
    ],
    [
      'OR in capitals is or',
      {
        junction: 'OR',
        code: { conditions: { $is: ['GIFT1'] } },
        campaign_id: { conditions: { $is: ['camp_promo'] } },
      },
      ['GIFT1', 'promo_1'],
    ],
    [
      'several operators on one field all hold',
      { campaign_type: { conditions: { $in: ['DISCOUNT_COUPONS', 'PROMOTION'], $not_in: ['PROMOTION'] } } },
      ['SAVE10'],
    ],
  ];
  it.each(cases)('%s', (_name, filters, expected) => {
    expect(ids(filters)).toEqual(expected);
  });
});
