import type { Campaign } from '../../api/api-types';
import type { ReferralProgramView, ReferralRewardView } from '../../api/campaign-api';
import type { DetailItem } from '../../components/details-list';
import { formatMoney } from '../../lib/format';
import { buildPath, Link } from '../../router/link';

function rewardCampaignLink(reward: ReferralRewardView) {
  const parent = reward.related_object_parent;
  return <Link to={buildPath('campaigns', parent.id)}>{parent.name ?? parent.id}</Link>;
}

/** "5.00 credit on a card of Holiday cards", "a code of Spring coupons", or "None". */
function describeReward(reward: ReferralRewardView | undefined) {
  if (!reward) return 'None';
  if (reward.type === 'GIFT_VOUCHER') {
    return (
      <>
        {formatMoney(reward.amount)} credit on a card of {rewardCampaignLink(reward)}
      </>
    );
  }
  if (reward.type === 'DISCOUNT_VOUCHER') return <>A code of {rewardCampaignLink(reward)}</>;
  return reward.type;
}

/** A referral program's settings for the campaign page's details; none for other campaigns. */
export function describeReferralProgram(campaign: Campaign): DetailItem[] {
  if (campaign.campaign_type !== 'REFERRAL_PROGRAM') return [];
  const program = (campaign as { referral_program?: ReferralProgramView | null }).referral_program;
  if (!program) return [];
  const counts =
    program.conversion_event_type === 'custom_event'
      ? `On the event ${program.custom_event?.name ?? '—'}`
      : 'When the referee redeems the code';
  return [
    { term: 'Referral counts', value: counts },
    { term: "Referrer's reward", value: describeReward(program.referrer_reward) },
    { term: "Referee's reward", value: describeReward(program.referee_reward) },
  ];
}
