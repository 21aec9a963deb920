import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { isConversionEvent, parseReferralProgram, type ReferralProgram, referralRefusal } from './referral-program.js';

const giftReward = { type: 'GIFT_VOUCHER', related_object_parent: { id: 'camp_gift' }, amount: 1000 };

function keyOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof AppError ? `${error.code} ${error.key}` : 'not an AppError';
  }
}

describe('parseReferralProgram', () => {
  it('reads a program, converting on redemption when nothing is said', () => {
    expect(parseReferralProgram(undefined)).toEqual({
      conversion_event_type: 'redemption',
      custom_event: null,
      referrer_reward: null,
      referee_reward: null,
    });
    expect(parseReferralProgram({ referrer_reward: giftReward })).toEqual({
      conversion_event_type: 'redemption',
      custom_event: null,
      referrer_reward: { type: 'GIFT_VOUCHER', campaign: { id: 'camp_gift', name: null }, amount: 1000 },
      referee_reward: null,
    });
    expect(
      parseReferralProgram({
        referee_reward: {
          type: 'GIFT_VOUCHER',
          related_object_parent: { name: 'Welcome', object: 'CAMPAIGN' },
          amount: 500,
        },
      }),
    ).toEqual({
      conversion_event_type: 'redemption',
      custom_event: null,
      referrer_reward: null,
      referee_reward: { type: 'GIFT_VOUCHER', campaign: { id: null, name: 'Welcome' }, amount: 500 },
    });
    expect(
      parseReferralProgram({
        conversion_event_type: 'custom_event',
        custom_event: { name: ' signed_up ' },
        referrer_reward: { type: 'DISCOUNT_VOUCHER', related_object_parent: { name: 'Thanks' }, amount: 5 },
      }),
    ).toEqual({
      conversion_event_type: 'custom_event',
      custom_event: { id: null, name: 'signed_up' },
      referrer_reward: { type: 'DISCOUNT_VOUCHER', campaign: { id: null, name: 'Thanks' }, amount: null },
      referee_reward: null,
    });
  });

  it.each([
    ['an unknown conversion type', { conversion_event_type: 'signup' }, '400 invalid_payload'],
    ['a custom_event program without its event', { conversion_event_type: 'custom_event' }, '400 invalid_payload'],
    ['a reward without a campaign', { referrer_reward: { type: 'GIFT_VOUCHER', amount: 5 } }, '400 invalid_payload'],
    ['credits that are no positive integer', { referrer_reward: { ...giftReward, amount: 0 } }, '400 invalid_payload'],
    ['fractional credits', { referrer_reward: { ...giftReward, amount: 1.5 } }, '400 invalid_payload'],
    ['an unknown reward type', { referrer_reward: { ...giftReward, type: 'CASH' } }, '400 invalid_payload'],
    ['loyalty points', { referrer_reward: { ...giftReward, type: 'LOYALTY_CARD' } }, '403 missing_required_feature'],
    [
      'a referee reward without a campaign',
      { referee_reward: { type: 'GIFT_VOUCHER', amount: 5 } },
      '400 invalid_payload',
    ],
    [
      'referee credits that are no positive integer',
      { referee_reward: { ...giftReward, amount: -5 } },
      '400 invalid_payload',
    ],
    ['a referee reward without credits', { referee_reward: { ...giftReward, amount: null } }, '400 invalid_payload'],
    [
      'a referee discount code (not in the spec)',
      { referee_reward: { ...giftReward, type: 'DISCOUNT_VOUCHER' } },
      '400 invalid_payload',
    ],
    [
      'referee loyalty points',
      { referee_reward: { ...giftReward, type: 'LOYALTY_CARD' } },
      '403 missing_required_feature',
    ],
    ['a referee reward that is no object', { referee_reward: 'GIFT_VOUCHER' }, '400 invalid_payload'],
    ['a program that is no object', 'redemption', '400 invalid_payload'],
  ])('refuses %s', (_name, input, key) => {
    expect(keyOf(() => parseReferralProgram(input))).toBe(key);
  });
});

describe('referralRefusal', () => {
  it.each([
    ['a customer referred by someone else', 'cust_a', 'cust_b', null],
    ['a code nobody holds yet', null, 'cust_b', null],
    ['the referrer themselves', 'cust_a', 'cust_a', 'referrer_not_permitted_to_redeem'],
    ['no customer at all', 'cust_a', null, 'missing_customer'],
  ])('%s', (_name, referrer, customer, key) => {
    expect(referralRefusal(referrer, customer)?.key ?? null).toBe(key);
  });

  it('refuses exactly the referrer, whoever they are', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (referrer, customer) => {
        const refused = referralRefusal(referrer, customer);
        expect(refused?.key === 'referrer_not_permitted_to_redeem').toBe(referrer === customer);
      }),
    );
  });
});

describe('isConversionEvent', () => {
  const program = (type: ReferralProgram['conversion_event_type']): ReferralProgram => ({
    conversion_event_type: type,
    custom_event: { id: null, name: 'signed_up' },
    referrer_reward: null,
  });

  it.each([
    ['custom_event', 'signed_up', true],
    ['custom_event', ' signed_up ', true],
    ['custom_event', 'browsed', false],
    ['redemption', 'signed_up', false],
  ] as const)('%s program, event %j: %s', (type, event, expected) => {
    expect(isConversionEvent(program(type), event)).toBe(expected);
  });
});
