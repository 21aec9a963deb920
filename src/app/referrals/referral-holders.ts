import { AppError, invalidPayload, notFound } from '../../domain/errors.js';
import type { Metadata } from '../../domain/metadata.js';
import { referralProgramOf, referralRefusal } from '../../domain/referrals/referral-program.js';
import type { Voucher } from '../../domain/vouchers/voucher.js';
import type { ProjectContext } from '../context.js';
import { type CustomerUpsert, upsertCustomer } from '../customers/upsert-customer.js';
import type { ProjectStore } from '../ports.js';
import { loadVoucher } from '../redemptions/load-voucher.js';
import type { ReferralHolder } from '../repositories/referral-repository.js';
import { toRedeemableHolderObject, toReferrerHolderObject } from '../views/referral-view.js';

/** `{memberId}`: a referral code, by code or voucher id; with `{campaignId}` (id or name), of that campaign. */
async function loadMember(ctx: ProjectContext, store: ProjectStore, memberId: string, campaignRef?: string) {
  let voucher: Voucher;
  try {
    voucher = (await loadVoucher(store, ctx.project, memberId)).stored;
  } catch (error) {
    const byId = await store.vouchers.findById(memberId);
    if (!byId) throw error;
    voucher = byId;
  }
  const campaign = voucher.campaign_id ? await store.campaigns.findById(voucher.campaign_id) : undefined;
  if (campaignRef !== undefined && campaign?.id !== campaignRef && campaign?.name !== campaignRef) {
    throw notFound('voucher', memberId);
  }
  if (!campaign || !referralProgramOf(campaign)) {
    throw new AppError('invalid_voucher', { details: `${voucher.code} is not a referral code` });
  }
  return { voucher, campaign };
}

export interface HoldersQuery {
  limit?: number;
  starting_after_id?: string;
}

/**
 * GET /referrals/{campaignId}/members/{memberId}/holders and /referrals/members/{memberId}/holders:
 * the code's referrer (its holder, first) and its referees, by id with a starting_after_id cursor.
 */
export async function listReferralHolders(
  ctx: ProjectContext,
  memberId: string,
  query: HoldersQuery,
  campaignRef?: string,
) {
  const { voucher } = await loadMember(ctx, ctx.store, memberId, campaignRef);
  const limit = query.limit ?? 10;
  const after = query.starting_after_id ?? null;
  const referrer = voucher.holder_id && after === null ? [toReferrerHolderObject(voucher)] : [];
  const page = await ctx.store.referrals.listHolders(voucher.id, limit - referrer.length, after);
  const referees = await ctx.store.referrals.countHolders(voucher.id);
  const data = [...referrer, ...page.holders.map(toRedeemableHolderObject)];
  const last = data.at(-1);
  return {
    object: 'list' as const,
    data_ref: 'data' as const,
    data,
    total: referees + (voucher.holder_id ? 1 : 0),
    has_more: page.has_more,
    ...(page.has_more && last ? { more_starting_after: last.id } : {}),
  };
}

export interface AddHoldersRequest {
  holders: CustomerUpsert[];
  metadata?: Metadata | null;
}

/**
 * POST .../holders: links customers (upserted) to the code as referees, in one transaction. A
 * customer already referred in the campaign keeps their link and is answered with it; the
 * referrer cannot be their own referee.
 */
export function addReferralHolders(
  ctx: ProjectContext,
  memberId: string,
  request: AddHoldersRequest,
  campaignRef?: string,
) {
  return ctx.store.transaction(async (store) => {
    const { voucher, campaign } = await loadMember(ctx, store, memberId, campaignRef);
    const added: ReferralHolder[] = [];
    for (const input of request.holders) {
      if (!input.id && !input.source_id) throw invalidPayload('Each holder should name a customer: id or source_id');
      const customer = await upsertCustomer(store, ctx.clock, ctx.ids, input);
      const refused = referralRefusal(voucher.holder_id, customer.id);
      if (refused) throw refused;
      await store.referrals.insertHolder({
        id: ctx.ids.newId('rh_'),
        campaign_id: campaign.id,
        voucher_id: voucher.id,
        customer_id: customer.id,
        referrer_id: voucher.holder_id,
        holder_role: 'REFEREE',
        related_object_type: null,
        related_object_id: null,
        metadata: request.metadata ?? {},
        created_at: ctx.clock.now().toISOString(),
      });
      const link = await store.referrals.findReferee(campaign.id, customer.id);
      if (link) added.push(link);
    }
    return { holders: added.map(toRedeemableHolderObject) };
  });
}

/** DELETE .../holders/{holderId}: unlinks a referee; the referrer is the code's holder, unlinked by no call here. */
export async function removeReferralHolder(
  ctx: ProjectContext,
  memberId: string,
  holderId: string,
  campaignRef?: string,
): Promise<void> {
  const { voucher } = await loadMember(ctx, ctx.store, memberId, campaignRef);
  if (voucher.holder_id && holderId === toReferrerHolderObject(voucher).id) {
    throw invalidPayload(`${holderId} is the referrer, the code's holder; only referees can be removed`);
  }
  if (!(await ctx.store.referrals.deleteHolder(voucher.id, holderId))) throw notFound('redeemable_holder', holderId);
}
