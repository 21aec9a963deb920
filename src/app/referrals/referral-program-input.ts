import type { Campaign } from '../../domain/campaigns/campaign.js';
import { invalidPayload, notFound } from '../../domain/errors.js';
import type {
  ParsedReferralProgram,
  ReferralProgram,
  ReferrerReward,
  ReferrerRewardInput,
} from '../../domain/referrals/referral-program.js';
import type { ProjectStore } from '../ports.js';

/** The campaign type each reward comes from. */
const REWARD_CAMPAIGN_TYPE = { GIFT_VOUCHER: 'GIFT_VOUCHERS', DISCOUNT_VOUCHER: 'DISCOUNT_COUPONS' } as const;

async function resolveReward(store: ProjectStore, input: ReferrerRewardInput): Promise<ReferrerReward> {
  const ref = input.campaign.id ?? (input.campaign.name as string);
  const campaign: Campaign | undefined = input.campaign.id
    ? await store.campaigns.findById(input.campaign.id)
    : await store.campaigns.findByName(ref);
  if (!campaign) throw notFound('campaign', ref);
  const type = input.type as ReferrerReward['type'];
  const expected = REWARD_CAMPAIGN_TYPE[type];
  if (campaign.campaign_type !== expected) {
    throw invalidPayload(
      `Property .referral_program.referrer_reward.related_object_parent should name a ${expected} campaign for a ${type} reward; ${campaign.name} is ${campaign.campaign_type}`,
    );
  }
  return {
    type,
    related_object_parent: { id: campaign.id, name: campaign.name, object: 'CAMPAIGN' },
    amount: input.amount,
  };
}

/** The program as stored: its reward campaign resolved to a live campaign of the right type (404 otherwise). */
export async function resolveReferralProgram(
  store: ProjectStore,
  parsed: ParsedReferralProgram,
): Promise<ReferralProgram> {
  return {
    conversion_event_type: parsed.conversion_event_type,
    custom_event: parsed.custom_event,
    referrer_reward: parsed.referrer_reward ? await resolveReward(store, parsed.referrer_reward) : null,
  };
}
