import { AppError, invalidPayload } from '../errors.js';

/** How a referee's referral turns into a conversion: their redemption, or a named custom event. */
export type ConversionEventType = 'redemption' | 'custom_event';

/** The campaign a reward comes from, as Voucherify's `related_object_parent` names it. */
export interface RewardSource {
  id: string;
  name: string | null;
  object: 'CAMPAIGN';
}

/**
 * What the referrer earns on each conversion. Voucherify sets referrer rewards in its dashboard,
 * and its `/v1/rewards` fit loyalty catalogs, not a referral campaign; so a Vouch campaign
 * declares them as `referral_program.referrer_reward`, shaped like Voucherify's `referee_reward`
 * (a Vouch extension the spec's open `ReferralProgram` object admits):
 * - GIFT_VOUCHER: `amount` credits added to the referrer's card of that GIFT_VOUCHERS campaign;
 * - DISCOUNT_VOUCHER: one code of that campaign published to the referrer;
 * - LOYALTY_CARD: points, refused until loyalty programs exist.
 */
export interface ReferrerReward {
  type: 'GIFT_VOUCHER' | 'DISCOUNT_VOUCHER';
  related_object_parent: RewardSource;
  amount: number | null;
}

/**
 * What the referee (the customer who used the referral code) gets: Voucherify's `referee_reward`.
 * Only GIFT_VOUCHER for now: `amount` credits added to the referee's card of that GIFT_VOUCHERS
 * campaign (LOYALTY_CARD points wait for loyalty programs).
 *
 * When it is granted: the spec's `ReferralProgram` "defines the referee reward and the way a
 * referral is triggered" (`conversion_event_type`: the referee's redemption or the named custom
 * event), and says nothing of a reward for merely being linked as a referee. So Vouch reads the
 * reward as granted by that trigger: at the referee's conversion, together with the referrer's
 * reward, once per referee and campaign, and taken back with it when the converting redemption is
 * rolled back. A referee added by hand, or made by a redemption in a `custom_event` program, gets
 * nothing until they convert.
 */
export interface RefereeReward {
  type: 'GIFT_VOUCHER';
  related_object_parent: RewardSource;
  amount: number;
}

export interface ReferralProgram {
  conversion_event_type: ConversionEventType;
  custom_event: { id: string | null; name: string } | null;
  referrer_reward: ReferrerReward | null;
  /** Absent in programs stored before referee rewards existed: read as none. */
  referee_reward?: RefereeReward | null;
}

/** A reward as sent, its campaign not yet resolved: `id` or `name` names it. */
export interface RewardInput {
  type: string;
  campaign: { id: string | null; name: string | null };
  amount: number | null;
}

export interface ParsedReferralProgram {
  conversion_event_type: ConversionEventType;
  custom_event: { id: string | null; name: string } | null;
  referrer_reward: RewardInput | null;
  referee_reward: RewardInput | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalText(value: unknown, path: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.trim() === '') throw invalidPayload(`Property ${path} should be a string`);
  return value;
}

function loyaltyLater(path: string): AppError {
  return new AppError('missing_required_feature', {
    details: `${path}.type LOYALTY_CARD needs loyalty programs, which Vouch does not support yet`,
  });
}

/** The reward types each side may get: the spec's referee_reward knows no discount code. */
const REFERRER_TYPES = ['GIFT_VOUCHER', 'DISCOUNT_VOUCHER'] as const;
const REFEREE_TYPES = ['GIFT_VOUCHER'] as const;

function parseReward(value: unknown, path: string, types: readonly string[]): RewardInput | null {
  if (value === undefined || value === null) return null;
  if (!isRecord(value)) throw invalidPayload(`Property ${path} should be an object`);
  const type = value.type;
  if (type === 'LOYALTY_CARD') throw loyaltyLater(path);
  if (typeof type !== 'string' || !types.includes(type)) {
    throw invalidPayload(`Property ${path}.type should be one of ${[...types, 'LOYALTY_CARD'].join(', ')}`);
  }
  const parent = isRecord(value.related_object_parent) ? value.related_object_parent : null;
  const id = optionalText(parent?.id, `${path}.related_object_parent.id`);
  const name = optionalText(parent?.name, `${path}.related_object_parent.name`);
  if (!id && !name) throw invalidPayload(`Property ${path}.related_object_parent should name a campaign: id or name`);
  const amount = value.amount ?? null;
  if (type === 'GIFT_VOUCHER' && !(Number.isInteger(amount) && (amount as number) > 0)) {
    throw invalidPayload(`Property ${path}.amount should be a positive integer (credits in minor units)`);
  }
  return { type, campaign: { id, name }, amount: type === 'GIFT_VOUCHER' ? (amount as number) : null };
}

/** A campaign's `referral_program` as sent, checked (its reward campaigns are resolved by the app). */
export function parseReferralProgram(value: unknown, path = '.referral_program'): ParsedReferralProgram {
  if (value === undefined || value === null) {
    return { conversion_event_type: 'redemption', custom_event: null, referrer_reward: null, referee_reward: null };
  }
  if (!isRecord(value)) throw invalidPayload(`Property ${path} should be an object`);
  const type = value.conversion_event_type ?? 'redemption';
  if (type !== 'redemption' && type !== 'custom_event') {
    throw invalidPayload(`Property ${path}.conversion_event_type should be redemption or custom_event`);
  }
  let customEvent: ParsedReferralProgram['custom_event'] = null;
  if (type === 'custom_event') {
    const event = isRecord(value.custom_event) ? value.custom_event : null;
    const name = optionalText(event?.name, `${path}.custom_event.name`);
    if (!name) throw invalidPayload(`Property ${path}.custom_event.name should name the converting event`);
    customEvent = { id: optionalText(event?.id, `${path}.custom_event.id`), name: name.trim() };
  }
  return {
    conversion_event_type: type,
    custom_event: customEvent,
    referrer_reward: parseReward(value.referrer_reward, `${path}.referrer_reward`, REFERRER_TYPES),
    referee_reward: parseReward(value.referee_reward, `${path}.referee_reward`, REFEREE_TYPES),
  };
}

/**
 * Why this customer may not redeem a referral code held by `referrerId`, or null: a referral
 * needs a customer to become the referee, and the referrer cannot refer themselves.
 */
export function referralRefusal(referrerId: string | null, customerId: string | null): AppError | null {
  if (!customerId) {
    return new AppError('missing_customer', { details: 'A referral code is redeemed by a customer: send customer' });
  }
  if (referrerId !== null && referrerId === customerId) return new AppError('referrer_not_permitted_to_redeem');
  return null;
}

/** Whether a tracked event is the campaign's conversion (event names compare trimmed, as stored). */
export function isConversionEvent(program: ReferralProgram, eventName: string): boolean {
  return program.conversion_event_type === 'custom_event' && program.custom_event?.name === eventName.trim();
}

/** A campaign's program, when it is a REFERRAL_PROGRAM campaign (which always has one once stored). */
export function referralProgramOf(
  campaign: { campaign_type: string; referral_program?: ReferralProgram | null } | null | undefined,
): ReferralProgram | null {
  return campaign?.campaign_type === 'REFERRAL_PROGRAM' ? (campaign.referral_program ?? null) : null;
}
