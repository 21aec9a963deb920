import type { RefereeReward } from '../../domain/referrals/referral-program.js';
import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';
import type { GrantedReward } from '../repositories/referral-repository.js';
import { creditGiftCard } from './gift-credit-rewards.js';

const REFEREE_REASON = 'Referral reward for the referee';

/**
 * Grants the program's referee reward at the referee's conversion (why then: referral-program.ts),
 * in its transaction: `amount` credits on the referee's card of the gift campaign, a card being
 * published to them when they hold none. Null when the reward's campaign is gone, or they hold no
 * card and it has none left to give: the conversion still counts, as for the referrer.
 */
export async function grantRefereeReward(
  ctx: ProjectContext,
  store: ProjectStore,
  reward: RefereeReward,
  refereeId: string,
  conversionId: string,
): Promise<GrantedReward | null> {
  const campaignId = reward.related_object_parent.id;
  if (!(await store.campaigns.findById(campaignId))) return null;
  return creditGiftCard(ctx, store, {
    campaignId,
    customerId: refereeId,
    amount: reward.amount,
    conversionId,
    reason: REFEREE_REASON,
  });
}
