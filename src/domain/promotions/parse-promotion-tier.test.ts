import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyTierChanges, newTier, parseTierChanges, type TierChanges } from './parse-promotion-tier.js';

const TENTH_OFF = { type: 'PERCENT', percent_off: 10 } as const;
const FACTS = {
  id: 'promo_1',
  campaign_id: 'camp_1',
  default_hierarchy: 3,
  category_id: null,
  now: '2026-01-01T00:00:00.000Z',
};

function refusal(details: string) {
  return expect.objectContaining({ key: 'invalid_payload', code: 400, details: expect.stringContaining(details) });
}

describe('parseTierChanges', () => {
  it.each<[string, Record<string, unknown>, TierChanges]>([
    [
      'a name and a discount',
      { name: 'Tier 1', action: { discount: TENTH_OFF } },
      { name: 'Tier 1', discount: TENTH_OFF },
    ],
    [
      'every field',
      {
        name: 'Tier 1',
        banner: '10% off',
        action: { discount: { type: 'AMOUNT', amount_off: 500, effect: 'APPLY_TO_ORDER' } },
        metadata: { level: 1 },
        hierarchy: 0,
        active: false,
        start_date: '2026-02-01T00:00:00Z',
        expiration_date: '2026-03-01',
        validity_day_of_week: [1, 1, 2],
      },
      {
        name: 'Tier 1',
        banner: '10% off',
        discount: { type: 'AMOUNT', amount_off: 500, effect: 'APPLY_TO_ORDER' },
        metadata: { level: 1 },
        hierarchy: 0,
        active: false,
        start_date: '2026-02-01T00:00:00.000Z',
        expiration_date: '2026-03-01T00:00:00.000Z',
        validity_day_of_week: [1, 2],
      },
    ],
    [
      'nulls that keep the default',
      { name: 'T', action: { discount: TENTH_OFF }, hierarchy: null, active: null, banner: null, metadata: null },
      { name: 'T', discount: TENTH_OFF, banner: null, metadata: {} },
    ],
  ])('reads %s on create', (_, raw, expected) => {
    expect(parseTierChanges(raw, '', 'create')).toEqual(expected);
  });

  it.each<[string, Record<string, unknown>, TierChanges]>([
    ['nothing', {}, {}],
    ['a new banner only', { banner: 'New' }, { banner: 'New' }],
    ['a cleared expiration date', { expiration_date: null }, { expiration_date: null }],
    ['a null name, which changes nothing', { name: null }, {}],
  ])('reads %s on update', (_, raw, expected) => {
    expect(parseTierChanges(raw, '', 'update')).toEqual(expected);
  });

  it.each<[Record<string, unknown>, string]>([
    [{ action: { discount: TENTH_OFF } }, "Property . should have required property 'name'"],
    [{ name: 'T' }, "Property . should have required property 'action'"],
    [{ name: '  ', action: { discount: TENTH_OFF } }, 'Property .name should be a non-empty string'],
    [{ name: 'x'.repeat(501), action: { discount: TENTH_OFF } }, 'Property .name should not be longer than 500'],
    [{ name: 'T', action: {} }, "Property .action should have required property 'discount'"],
    [{ name: 'T', action: [] }, 'Property .action should be an object'],
    [{ name: 'T', action: { discount: { type: 'PERCENT' } } }, 'Property .action.discount should have required'],
    [{ name: 'T', action: { discount: TENTH_OFF }, hierarchy: -1 }, 'Property .hierarchy should be an integer'],
    [{ name: 'T', action: { discount: TENTH_OFF }, hierarchy: 1.5 }, 'Property .hierarchy should be an integer'],
    [{ name: 'T', action: { discount: TENTH_OFF }, banner: 5 }, 'Property .banner should be a string'],
    [{ name: 'T', action: { discount: TENTH_OFF }, metadata: [1] }, 'Property .metadata should be an object'],
    [{ name: 'T', action: { discount: TENTH_OFF }, active: 'yes' }, 'Property .active should be a boolean'],
    [
      { name: 'T', action: { discount: TENTH_OFF }, start_date: '2026-02-01', expiration_date: '2026-01-01' },
      'Property .expiration_date should not be before start_date',
    ],
  ])('refuses %j', (raw, details) => {
    expect(() => parseTierChanges(raw, '', 'create')).toThrow(refusal(details));
  });

  it('names the property under the given path', () => {
    expect(() => parseTierChanges({ name: 'T', action: { discount: {} } }, '.promotion.tiers[1]', 'create')).toThrow(
      refusal("Property .promotion.tiers[1].action.discount should have required property 'type'"),
    );
  });

  it('never lets anything but a 400 out, whatever it is sent', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('name', 'action', 'hierarchy', 'banner', 'active'), fc.anything()),
        (raw) => {
          try {
            parseTierChanges(raw, '', 'update');
          } catch (error) {
            expect(error).toMatchObject({ key: 'invalid_payload' });
          }
        },
      ),
    );
  });
});

describe('newTier and applyTierChanges', () => {
  const changes = parseTierChanges({ name: 'T', action: { discount: TENTH_OFF } }, '', 'create');

  it('fills what the client left out', () => {
    expect(newTier(changes, FACTS, '')).toEqual({
      id: 'promo_1',
      campaign_id: 'camp_1',
      name: 'T',
      banner: null,
      discount: TENTH_OFF,
      metadata: {},
      hierarchy: 3,
      active: true,
      category_id: null,
      start_date: null,
      expiration_date: null,
      validity_timeframe: null,
      validity_day_of_week: null,
      validity_hours: null,
      summary: { redeemed_quantity: 0, orders_total_amount: 0, orders_total_discount_amount: 0 },
      created_at: FACTS.now,
      updated_at: null,
    });
  });

  it('refuses a timeframe without a start date, on create and after an update', () => {
    const timeframe = { validity_timeframe: { interval: 'P1D', duration: 'PT1H' } };
    expect(() =>
      newTier({ ...changes, ...parseTierChanges(timeframe, '', 'update') }, FACTS, '.promotion.tiers[0]'),
    ).toThrow(refusal('Property .promotion.tiers[0].start_date is required when validity_timeframe is set'));
    const tier = newTier({ ...changes, start_date: '2026-01-01T00:00:00.000Z' }, FACTS, '');
    const withTimeframe = applyTierChanges(tier, parseTierChanges(timeframe, '', 'update'), FACTS.now);
    expect(withTimeframe.validity_timeframe).toEqual({ interval: 'P1D', duration: 'PT1H' });
    expect(() => applyTierChanges(withTimeframe, { start_date: null }, FACTS.now)).toThrow(
      refusal('Property .start_date is required when validity_timeframe is set'),
    );
  });

  it('keeps the counters and the creation time through an update', () => {
    const tier = {
      ...newTier(changes, FACTS, ''),
      summary: { redeemed_quantity: 2, orders_total_amount: 100, orders_total_discount_amount: 10 },
    };
    const updated = applyTierChanges(tier, { name: 'U' }, '2026-01-02T00:00:00.000Z');
    expect(updated).toEqual({ ...tier, name: 'U', updated_at: '2026-01-02T00:00:00.000Z' });
  });
});
