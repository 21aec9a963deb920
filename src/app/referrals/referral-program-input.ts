import type { Campaign } from '../../domain/campaigns/campaign.js';
import { invalidPayload, notFound } from '../../domain/errors.js';
import type {
  ParsedReferralProgram,
  RefereeReward,
  ReferralProgram,
  ReferrerReward,
  RewardInput,
  RewardSource,
} from '../../domain/referrals/referral-program.js';
import type { ProjectStore } from '../ports.js';

/** The campaign type each reward comes from. */
const REWARD_CAMPAIGN_TYPE = { GIFT_VOUCHER: 'GIFT_VOUCHERS', DISCOUNT_VOUCHER: 'DISCOUNT_COUPONS' } as const;

/** The reward's campaign, by id or name, live and of the type its reward needs (404 / 400 otherwise). */
async function resolveSource(store: ProjectStore, input: RewardInput, path: string): Promise<RewardSource> {
  const ref = input.campaign.id ?? (input.campaign.name as string);
  const campaign: Campaign | undefined = input.campaign.id
    ? await store.campaigns.findById(input.campaign.id)
    : await store.campaigns.findByName(ref);
  if (!campaign) throw notFound('campaign', ref);
  const type = input.type as keyof typeof REWARD_CAMPAIGN_TYPE;
  const expected = REWARD_CAMPAIGN_TYPE[type];
  if (campaign.campaign_type !== expected) {
    throw invalidPayload(
      `Property ${path}.related_object_parent should name a ${expected} campaign for a ${type} reward; ${campaign.name} is ${campaign.campaign_type}`,
    );
  }
  return { id: campaign.id, name: campaign.name, object: 'CAMPAIGN' };
}

async function resolveReferrerReward(store: ProjectStore, input: RewardInput): Promise<ReferrerReward> {
  return {
    type: input.type as ReferrerReward['type'],
    related_object_parent: await resolveSource(store, input, '.referral_program.referrer_reward'),
    amount: input.amount,
  };
}

/** The domain parser let only GIFT_VOUCHER through, with a positive integer amount. */
async function resolveRefereeReward(store: ProjectStore, input: RewardInput): Promise<RefereeReward> {
  return {
    type: 'GIFT_VOUCHER',
    related_object_parent: await resolveSource(store, input, '.referral_program.referee_reward'),
    amount: input.amount as number,
  };
}

/** The program as stored: its reward campaigns resolved to live campaigns of the right type (404 otherwise). */
export async function resolveReferralProgram(
  store: ProjectStore,
  parsed: ParsedReferralProgram,
): Promise<ReferralProgram> {
  return {
    conversion_event_type: parsed.conversion_event_type,
    custom_event: parsed.custom_event,
    referrer_reward: parsed.referrer_reward ? await resolveReferrerReward(store, parsed.referrer_reward) : null,
    referee_reward: parsed.referee_reward ? await resolveRefereeReward(store, parsed.referee_reward) : null,
  };
}
