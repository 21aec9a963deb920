import type { ReferralProgram } from '../../domain/referrals/referral-program.js';
import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';
import type { ReferralConversion } from '../repositories/referral-repository.js';
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

/**
 * Records the referee's conversion and grants its referrer reward, in the caller's transaction.
 * The unique conversion row decides, not a read: of retried or racing conversions of one referee
 * only the insert that lands grants, so a referrer is rewarded once per conversion. False when
 * the referee had already converted.
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
    created_at: ctx.clock.now().toISOString(),
  };
  if (!(await store.referrals.insertConversion(conversion))) return false;
  const reward = facts.program.referrer_reward;
  if (!reward) return true;
  const granted = await grantReferrerReward(ctx, store, reward, facts.referrerId, conversion.id);
  if (granted) await store.referrals.setConversionReward(conversion.id, granted);
  return true;
}

/**
 * A rolled-back redemption's referral undone, in the rollback's transaction: the conversions it
 * made are removed (a delete that answers what it removed, so each reward is taken back once) and
 * the referee it linked is unlinked, free to be referred and to convert again.
 */
export async function undoReferralOf(ctx: ProjectContext, store: ProjectStore, redemptionId: string): Promise<void> {
  for (const conversion of await store.referrals.takeConversionsOf(redemptionId)) {
    if (conversion.reward) await takeBackReward(ctx, store, conversion.reward);
  }
  await store.referrals.deleteHoldersLinkedBy(redemptionId);
}
