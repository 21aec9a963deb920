import { AppError } from '../../domain/errors.js';
import { isConversionEvent, referralProgramOf, referralRefusal } from '../../domain/referrals/referral-program.js';
import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';
import { loadVoucher } from '../redemptions/load-voucher.js';
import type { CustomEvent } from '../repositories/custom-event-repository.js';
import { convertReferral } from './convert-referral.js';

/**
 * A tracked event with `referral.code`, in the event's transaction. In a `custom_event` program
 * the customer becomes the code's referee if no code of the campaign referred them yet (as
 * Voucherify links a referee on the event), and the campaign's named event is their conversion:
 * the unique conversion row grants the referrer reward once, so a retried event rewards nothing
 * more. The referral code's row is locked (after the customer, before any voucher of the reward)
 * so conversions of one code take turns, as its redemptions do.
 */
export async function convertOnEvent(ctx: ProjectContext, store: ProjectStore, event: CustomEvent): Promise<void> {
  const code = event.referral?.code;
  if (!code) return;
  const voucher = await loadVoucher(store, ctx.project, code);
  const { campaign } = voucher;
  const program = referralProgramOf(campaign);
  if (!campaign || !program) {
    throw new AppError('invalid_voucher', { details: `${voucher.stored.code} is not a referral code` });
  }
  const referrerId = voucher.stored.holder_id;
  const refused = referralRefusal(referrerId, event.customer_id);
  if (refused) throw refused;
  if (!referrerId || program.conversion_event_type !== 'custom_event') return;
  await store.ruleCounters.lockScope({ type: 'voucher', id: voucher.stored.id });
  await store.referrals.insertHolder({
    id: ctx.ids.newId('rh_'),
    campaign_id: campaign.id,
    voucher_id: voucher.stored.id,
    customer_id: event.customer_id,
    referrer_id: referrerId,
    holder_role: 'REFEREE',
    related_object_type: 'event',
    related_object_id: event.id,
    metadata: {},
    created_at: event.created_at,
  });
  // The referee's one link in the campaign decides whose code this conversion rewards.
  const link = await store.referrals.findReferee(campaign.id, event.customer_id);
  if (!link || link.voucher_id !== voucher.stored.id || !isConversionEvent(program, event.event)) return;
  await convertReferral(ctx, store, {
    campaignId: campaign.id,
    program,
    voucherId: voucher.stored.id,
    referrerId,
    refereeId: event.customer_id,
    redemptionId: link.related_object_type === 'redemption' ? link.related_object_id : null,
    eventId: event.id,
  });
}
