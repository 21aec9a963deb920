import type { ReferrerReward } from '../../domain/referrals/referral-program.js';
import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';
import type { GrantedReward } from '../repositories/referral-repository.js';
import { creditGiftCard, publishTo, takeBackCredits } from './gift-credit-rewards.js';

const REWARD_REASON = 'Referral reward';

/**
 * Grants the campaign's referrer reward, in the conversion's transaction: credits added to the
 * referrer's gift card (gift-credit-rewards.ts), or a discount code published to them. Null when
 * the reward's campaign is gone or has no code left to give: the conversion still counts, and
 * records no reward.
 */
export async function grantReferrerReward(
  ctx: ProjectContext,
  store: ProjectStore,
  reward: ReferrerReward,
  referrerId: string,
  conversionId: string,
): Promise<GrantedReward | null> {
  const campaignId = reward.related_object_parent.id;
  if (!(await store.campaigns.findById(campaignId))) return null;
  if (reward.type === 'DISCOUNT_VOUCHER') {
    const publicationId = await publishTo(ctx, store, campaignId, referrerId);
    if (!publicationId) return null;
    const publication = await store.publications.findById(publicationId);
    const voucherId = publication?.voucher_ids[0];
    return voucherId ? { type: 'DISCOUNT_VOUCHER', voucher_id: voucherId, publication_id: publicationId } : null;
  }
  return creditGiftCard(ctx, store, {
    campaignId,
    customerId: referrerId,
    amount: reward.amount ?? 0,
    conversionId,
    reason: REWARD_REASON,
  });
}

/**
 * Takes a granted reward back, once (the caller removed its conversion row first): credits come
 * off the card down to zero at most. A published discount code is disabled rather than
 * unpublished, so the referrer's wallet and the publication keep the history, and the code can no
 * longer be redeemed.
 */
export async function takeBackReward(ctx: ProjectContext, store: ProjectStore, reward: GrantedReward): Promise<void> {
  if (reward.type === 'GIFT_VOUCHER') return takeBackCredits(ctx, store, reward);
  const code = await store.vouchers.findById(reward.voucher_id);
  if (code && code.active !== false) {
    await store.vouchers.update({ ...code, active: false, updated_at: ctx.clock.now().toISOString() });
  }
}
