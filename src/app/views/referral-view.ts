import type { ReferralProgram } from '../../domain/referrals/referral-program.js';
import type { Voucher } from '../../domain/vouchers/voucher.js';
import type { ReferralHolder } from '../repositories/referral-repository.js';

/**
 * A campaign's `referral_program`; `referrer_reward` is Vouch's extension. Unset rewards are left
 * out: the spec's `referee_reward` is nullable, but Voucherify omits what a program lacks.
 */
export function toReferralProgramObject(program: ReferralProgram) {
  return {
    conversion_event_type: program.conversion_event_type,
    ...(program.custom_event ? { custom_event: program.custom_event } : {}),
    ...(program.referee_reward ? { referee_reward: program.referee_reward } : {}),
    ...(program.referrer_reward ? { referrer_reward: program.referrer_reward } : {}),
  };
}

/** Voucherify's redeemable holder of a referral code: its referees (rows) and its referrer (the code's holder). */
export function toRedeemableHolderObject(holder: ReferralHolder) {
  return {
    id: holder.id,
    created_at: holder.created_at,
    redeemable_id: holder.voucher_id,
    redeemable_object: 'voucher',
    customer_id: holder.customer_id,
    holder_role: holder.holder_role,
    campaign_id: holder.campaign_id,
    campaign_type: 'REFERRAL_PROGRAM' as const,
    voucher_type: 'DISCOUNT_VOUCHER' as const,
    metadata: holder.metadata,
    object: 'redeemable_holder' as const,
  };
}

/**
 * The referrer as a holder: the code's holder has no row of its own, so its id is derived from
 * the voucher's (`rh_` + the voucher id's body), stable across calls.
 */
export function toReferrerHolderObject(voucher: Voucher) {
  return {
    id: `rh_${voucher.id.replace(/^v_/, '')}`,
    created_at: voucher.updated_at ?? voucher.created_at,
    redeemable_id: voucher.id,
    redeemable_object: 'voucher',
    customer_id: voucher.holder_id,
    holder_role: 'REFERRER' as const,
    campaign_id: voucher.campaign_id,
    campaign_type: 'REFERRAL_PROGRAM' as const,
    voucher_type: 'DISCOUNT_VOUCHER' as const,
    metadata: {},
    object: 'redeemable_holder' as const,
  };
}

/** Voucherify's customer `referrals`: where the customer was referred (they are the referee). */
export function toCustomerReferrals(links: readonly ReferralHolder[]) {
  const campaigns = links
    .filter((link) => link.referrer_id !== null)
    .map((link) => ({
      campaign_id: link.campaign_id,
      referrer_id: link.referrer_id as string,
      related_object_id: link.related_object_id ?? link.id,
      related_object_type: link.related_object_type ?? 'redeemable_holder',
      date: link.created_at,
    }));
  return { total: campaigns.length, campaigns };
}
