import type { AsyncAction } from '../../domain/async-actions/async-action.js';
import { notFound } from '../../domain/errors.js';
import type { AsyncActionHandler } from '../async-actions/async-action-handler.js';
import { enqueueAsyncAction } from '../async-actions/enqueue-async-action.js';
import type { ProjectContext } from '../context.js';
import { deleteCampaignPromotions } from '../promotions/delete-promotion-tier.js';

/** Vouchers binned or deleted per transaction, so a big campaign never holds the database for long. */
const VOUCHERS_PER_TRANSACTION = 10_000;

interface CampaignDeletion {
  campaign_id: string;
  force: boolean;
}

/**
 * DELETE /campaigns/{campaignId}: the campaign goes to the bin at once (its name stays taken), and
 * a CAMPAIGN.VOUCHERS_DELETE action moves its vouchers there too, or with `force` removes the
 * campaign and its vouchers for good (a binned campaign too, by its id).
 */
export function deleteCampaign(ctx: ProjectContext, ref: string, options: { force: boolean }): Promise<AsyncAction> {
  return ctx.store.transaction(async (store) => {
    const campaign =
      (await store.campaigns.findByRef(ref)) ?? (options.force ? await store.campaigns.findStoredById(ref) : undefined);
    if (!campaign) throw notFound('campaign', ref);
    await store.campaigns.moveToBin(campaign.id, ctx.clock.now().toISOString());
    // Its rules stop counting the campaign and its vouchers at once, not batch by batch.
    await store.validationRuleAssignments.deleteForObject('campaign', campaign.id);
    await store.validationRuleAssignments.deleteForCampaignVouchers(campaign.id);
    // A PROMOTION campaign's tiers and stacks go at once, with their rules, and do not wait in the bin.
    await deleteCampaignPromotions(store, campaign.id);
    if (campaign.campaign_type === 'PROMOTION') await store.promotionIndex.raiseVersion();
    const deletion: CampaignDeletion = { campaign_id: campaign.id, force: options.force };
    return enqueueAsyncAction({ ...ctx, store }, 'CAMPAIGN.VOUCHERS_DELETE', deletion);
  });
}

/** Batches until none is left, so a retried job just carries on. */
export const runCampaignVouchersDelete: AsyncActionHandler = async (ctx, payload) => {
  const { campaign_id: campaignId, force } = payload as CampaignDeletion;
  const total = await ctx.store.vouchers.countInCampaign(campaignId);
  let done = 0;
  for (;;) {
    const moved = await ctx.store.transaction((store) =>
      force
        ? store.vouchers.deleteCampaignVouchers(campaignId, VOUCHERS_PER_TRANSACTION)
        : store.vouchers.binCampaignVouchers(campaignId, ctx.clock.now().toISOString(), VOUCHERS_PER_TRANSACTION),
    );
    done += moved;
    if (moved < VOUCHERS_PER_TRANSACTION) break;
    await ctx.reportProgress(Math.min(99, Math.floor((done / Math.max(total, 1)) * 100)));
  }
  if (force) await ctx.store.campaigns.deletePermanently(campaignId);
  return {
    message: `Campaign ${force ? 'deleted' : 'moved to the bin'} with ${done} voucher(s)`,
    done_count: done,
    failed_count: 0,
    failed: [],
  };
};
