import type { Campaign } from '../../domain/campaigns/campaign.js';
import { AppError } from '../../domain/errors.js';
import { campaignPublishRefusal, inheritedExpiration } from '../../domain/publications/publishable-campaign.js';
import { publishedValidity } from '../../domain/publications/published-validity.js';
import type { Voucher } from '../../domain/vouchers/voucher.js';
import { generateVouchers } from '../campaigns/generate-vouchers.js';
import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';
import type { VoucherClaim } from '../repositories/voucher-repository.js';
import { codeConfigFor } from '../vouchers/code-generation.js';

function noVoucher(details: string): AppError {
  return new AppError('no_voucher_suitable_for_publication', { details });
}

export function claimFor(campaign: Campaign | null, holderId: string, now: Date): VoucherClaim {
  return {
    holderId,
    now: now.toISOString(),
    validity: campaign ? publishedValidity(campaign.activity_duration_after_publishing, now, campaign) : null,
    inheritedExpiration: inheritedExpiration(campaign),
  };
}

/**
 * Hands `count` codes of the campaign to the customer, in the open transaction: free codes first;
 * an AUTO_UPDATE campaign makes the rest on demand with its own code config. All or nothing: a
 * short pool throws, and the caller's rollback frees what was claimed.
 */
export async function claimCampaignCodes(
  ctx: ProjectContext,
  store: ProjectStore,
  campaign: Campaign,
  holderId: string,
  count: number,
): Promise<Voucher[]> {
  const now = ctx.clock.now();
  const refusal = campaignPublishRefusal(campaign, now);
  if (refusal) throw noVoucher(refusal);
  const claim = claimFor(campaign, holderId, now);
  const claimed = await store.vouchers.claimUnpublished(campaign.id, claim, count);
  if (claimed.length < count && campaign.type === 'AUTO_UPDATE') {
    const config = codeConfigFor(ctx.project, campaign.voucher.code_config);
    // Inside the open transaction the new codes are visible only to it until commit, so the
    // claim below takes them and no parallel publication can.
    await generateVouchers({ ...ctx, store }, campaign, count - claimed.length, { config });
    claimed.push(...(await store.vouchers.claimUnpublished(campaign.id, claim, count - claimed.length)));
  }
  if (claimed.length < count) {
    throw noVoucher(
      campaign.type === 'AUTO_UPDATE'
        ? "Couldn't create new vouchers for publication"
        : `Campaign ${campaign.name} has no active, unpublished vouchers left`,
    );
  }
  return claimed;
}

/** Publishes one named code; another customer's code is refused, as is a disabled or expired one. */
export async function claimNamedCode(
  ctx: ProjectContext,
  store: ProjectStore,
  voucher: Voucher,
  campaign: Campaign | null,
  holderId: string,
): Promise<Voucher> {
  const now = ctx.clock.now();
  if (campaign) {
    const refusal = campaignPublishRefusal(campaign, now);
    if (refusal) throw noVoucher(refusal);
  }
  const published = await store.vouchers.publishTo(voucher.id, claimFor(campaign, holderId, now));
  if (published) return published;
  const current = await store.vouchers.findById(voucher.id);
  if (current?.holder_id && current.holder_id !== holderId) {
    throw new AppError('voucher_already_published', { details: `Voucher '${voucher.id}' has already been published` });
  }
  throw noVoucher(`Voucher ${voucher.code} is disabled or expired`);
}
