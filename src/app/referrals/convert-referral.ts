import type { ReferralProgram } from '../../domain/referrals/referral-program.js';
import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';
import { lockInOrder } from '../redemptions/lock-order.js';
import type { GrantedReward, ReferralConversion } from '../repositories/referral-repository.js';
import { type CardHolder, lockHeldCards } from './gift-credit-rewards.js';
import { grantRefereeReward } from './referee-rewards.js';
import { grantReferrerReward, takeBackReward } from './referrer-rewards.js';

export interface ConversionFacts {
  campaignId: string;
  program: ReferralProgram;
  voucherId: string;
  referrerId: string;
  refereeId: string;
  /** The redemption whose rollback takes the conversion back. */
  redemptionId: string | null;
  eventId: string | null;
}

/** The gift cards a conversion may credit: the referrer's and the referee's, each of its reward campaign. */
function creditedHolders(facts: ConversionFacts): CardHolder[] {
  const { referrer_reward: referrer, referee_reward: referee } = facts.program;
  return [
    ...(referrer?.type === 'GIFT_VOUCHER'
      ? [{ campaignId: referrer.related_object_parent.id, customerId: facts.referrerId }]
      : []),
    ...(referee ? [{ campaignId: referee.related_object_parent.id, customerId: facts.refereeId }] : []),
  ];
}

/**
 * Records the referee's conversion and grants its rewards, the referrer's and the referee's, in
 * the caller's transaction. The unique conversion row decides, not a read: of retried or racing
 * conversions of one referee only the insert that lands grants, so each side is rewarded once per
 * referee and campaign. False when the referee had already converted.
 *
 * Lock order (lock-order.ts: customer, then vouchers by id, then campaigns): the referee is the
 * converting customer, whose row a redemption locks first; the referral code's row comes next (the
 * counted use, or convert-on-event's lock). The cards both rewards credit are then locked together, by id, before
 * either balance moves: a conversion crediting P's then Q's card and one crediting Q's then P's
 * (each the other's referrer) would otherwise deadlock. Cards published now are new rows no one
 * else can wait for; publishing may touch the gift campaign, which comes after all vouchers.
 * What stays outside the by-id order is the referral code before the cards: waiting the other way
 * round needs a stack that spends one of these cards together with this same referral code, by a
 * third customer; such a deadlock is detected by PostgreSQL and the transaction retried.
 */
export async function convertReferral(ctx: ProjectContext, store: ProjectStore, facts: ConversionFacts) {
  const conversion: ReferralConversion = {
    id: ctx.ids.newId('rc_'),
    campaign_id: facts.campaignId,
    voucher_id: facts.voucherId,
    referrer_id: facts.referrerId,
    referee_id: facts.refereeId,
    redemption_id: facts.redemptionId,
    event_id: facts.eventId,
    reward: null,
    referee_reward: null,
    created_at: ctx.clock.now().toISOString(),
  };
  if (!(await store.referrals.insertConversion(conversion))) return false;
  const { referrer_reward: referrer, referee_reward: referee } = facts.program;
  if (!referrer && !referee) return true;
  await lockHeldCards(store, creditedHolders(facts));
  const rewards = {
    reward: referrer ? await grantReferrerReward(ctx, store, referrer, facts.referrerId, conversion.id) : null,
    referee_reward: referee ? await grantRefereeReward(ctx, store, referee, facts.refereeId, conversion.id) : null,
  };
  if (rewards.reward || rewards.referee_reward) await store.referrals.setConversionRewards(conversion.id, rewards);
  return true;
}

function creditedCardOf(reward: GrantedReward | null) {
  return reward?.type === 'GIFT_VOUCHER' ? [{ type: 'voucher' as const, id: reward.voucher_id }] : [];
}

/**
 * A rolled-back redemption's referral undone, in the rollback's transaction: the conversions it
 * made are removed (a delete that answers what it removed, so each reward is taken back once) and
 * the referee it linked is unlinked, free to be referred and to convert again. The credited cards
 * are locked by id before any balance moves, as the conversion locked them.
 */
export async function undoReferralOf(ctx: ProjectContext, store: ProjectStore, redemptionId: string): Promise<void> {
  const conversions = await store.referrals.takeConversionsOf(redemptionId);
  await lockInOrder(
    store,
    conversions.flatMap((c) => [...creditedCardOf(c.reward), ...creditedCardOf(c.referee_reward)]),
  );
  for (const conversion of conversions) {
    if (conversion.reward) await takeBackReward(ctx, store, conversion.reward);
    if (conversion.referee_reward) await takeBackReward(ctx, store, conversion.referee_reward);
  }
  await store.referrals.deleteHoldersLinkedBy(redemptionId);
}
