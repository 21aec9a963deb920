import type { Campaign } from '../../domain/campaigns/campaign.js';
import type { Customer } from '../../domain/customers/customer.js';
import type { AppError } from '../../domain/errors.js';
import type { Order } from '../../domain/orders/order.js';
import { type ReferralProgram, referralProgramOf, referralRefusal } from '../../domain/referrals/referral-program.js';
import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';
import type { LoadedVoucher } from '../redemptions/load-voucher.js';
import { convertReferral } from './convert-referral.js';

/** A redemption of a published referral code: who referred whom, through which program. */
export interface Referral {
  campaign: Campaign;
  program: ReferralProgram;
  voucherId: string;
  referrerId: string;
  refereeId: string;
}

export type ReferralJudgement = { refused: AppError } | { referral: Referral | null };

/**
 * Before any use is counted: a referral code needs a customer, who may not be its own referrer.
 * A referral code nobody holds yet refers no one and redeems as a plain code. The order names the
 * referrer (Voucherify's order `referrer_id`), unless the request named one itself.
 */
export function judgeReferral(
  voucher: LoadedVoucher,
  customer: Customer | null,
  order: Order | null,
): ReferralJudgement {
  const { campaign } = voucher;
  const program = referralProgramOf(campaign);
  if (!campaign || !program) return { referral: null };
  const referrerId = voucher.stored.holder_id;
  const refused = referralRefusal(referrerId, customer?.id ?? null);
  if (refused) return { refused };
  if (!referrerId || !customer) return { referral: null };
  if (order && !order.referrer_id) order.referrer_id = referrerId;
  return {
    referral: { campaign, program, voucherId: voucher.stored.id, referrerId, refereeId: customer.id },
  };
}

/**
 * After the use is counted, in the redemption's transaction: the customer becomes the code's
 * referee (once per campaign), and where the program converts on redemption this is the
 * conversion, rewarding the referrer. The referral code's row is already locked by the counted
 * use, so conversions of one code take turns, and the reward's rows are locked after it.
 */
export async function recordReferral(
  ctx: ProjectContext,
  store: ProjectStore,
  referral: Referral,
  redemptionId: string,
): Promise<void> {
  await store.referrals.insertHolder({
    id: ctx.ids.newId('rh_'),
    campaign_id: referral.campaign.id,
    voucher_id: referral.voucherId,
    customer_id: referral.refereeId,
    referrer_id: referral.referrerId,
    holder_role: 'REFEREE',
    related_object_type: 'redemption',
    related_object_id: redemptionId,
    metadata: {},
    created_at: ctx.clock.now().toISOString(),
  });
  if (referral.program.conversion_event_type !== 'redemption') return;
  await convertReferral(ctx, store, {
    campaignId: referral.campaign.id,
    program: referral.program,
    voucherId: referral.voucherId,
    referrerId: referral.referrerId,
    refereeId: referral.refereeId,
    redemptionId,
    eventId: null,
  });
}
