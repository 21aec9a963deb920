import { describe, expect, it } from 'vitest';
import { assertStackTiers, parseStackChanges, type StackChanges } from './parse-promotion-stack.js';

function refusal(details: string) {
  return expect.objectContaining({ key: 'invalid_payload', code: 400, details: expect.stringContaining(details) });
}

describe('parseStackChanges', () => {
  it.each<[string, Record<string, unknown>, 'create' | 'update', StackChanges]>([
    [
      'a new stack',
      { name: 'S', tiers: { ids: ['promo_1', 'promo_2'] } },
      'create',
      { name: 'S', tier_ids: ['promo_1', 'promo_2'] },
    ],
    [
      'a new stack with its mode',
      { name: 'S', tiers: { ids: ['promo_1'], hierarchy_mode: 'MANUAL' } },
      'create',
      { name: 'S', tier_ids: ['promo_1'], hierarchy_mode: 'MANUAL' },
    ],
    ['an update of the name', { name: 'T' }, 'update', { name: 'T' }],
    [
      'an update of the order',
      { tiers: { ids: ['promo_2', 'promo_1'] } },
      'update',
      { tier_ids: ['promo_2', 'promo_1'] },
    ],
    ['an empty update', {}, 'update', {}],
  ])('reads %s', (_, raw, mode, expected) => {
    expect(parseStackChanges(raw, mode)).toEqual(expected);
  });

  it.each<[Record<string, unknown>, string]>([
    [{ tiers: { ids: ['promo_1'] } }, "Property . should have required property 'name'"],
    [{ name: 'S' }, "Property .tiers should have required property 'ids'"],
    [{ name: 'S', tiers: {} }, "Property .tiers should have required property 'ids'"],
    [{ name: '', tiers: { ids: ['promo_1'] } }, 'Property .name should be a non-empty string'],
    [{ name: 'S', tiers: { ids: [] } }, 'Property .tiers.ids should be an array of 1 to 30'],
    [
      { name: 'S', tiers: { ids: Array.from({ length: 31 }, (_, i) => `promo_${i}`) } },
      'should be an array of 1 to 30',
    ],
    [{ name: 'S', tiers: { ids: ['promo_1', 'promo_1'] } }, 'Property .tiers.ids[1] repeats promotion tier promo_1'],
    [{ name: 'S', tiers: { ids: [''] } }, 'Property .tiers.ids[0] should be a non-empty string'],
    [
      { name: 'S', tiers: { ids: ['promo_1'], hierarchy_mode: 'AUTO' } },
      'Property .tiers.hierarchy_mode should be one of MANUAL',
    ],
    [{ name: 'S', tiers: 'promo_1' }, 'Property .tiers should be an object'],
  ])('refuses %j', (raw, details) => {
    expect(() => parseStackChanges(raw, 'create')).toThrow(refusal(details));
  });
});

describe('assertStackTiers', () => {
  const owners = new Map([
    ['promo_1', 'camp_1'],
    ['promo_2', 'camp_1'],
    ['promo_9', 'camp_2'],
  ]);

  it('accepts tiers of the campaign', () => {
    expect(() => assertStackTiers(['promo_2', 'promo_1'], owners, 'camp_1')).not.toThrow();
  });

  it('refuses a tier that does not exist with a 404 naming it', () => {
    expect(() => assertStackTiers(['promo_1', 'promo_5'], owners, 'camp_1')).toThrow(
      expect.objectContaining({ key: 'not_found', details: 'Cannot find promotion_tier with id promo_5' }),
    );
  });

  it("refuses another campaign's tier", () => {
    expect(() => assertStackTiers(['promo_1', 'promo_9'], owners, 'camp_1')).toThrow(
      refusal('Property .tiers.ids[1] names promotion tier promo_9 of another campaign'),
    );
  });
});
