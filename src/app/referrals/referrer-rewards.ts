import { giftStateOf } from '../../domain/gift-cards/gift-card.js';
import { readPublicationTarget } from '../../domain/publications/publication-target.js';
import type { ReferrerReward } from '../../domain/referrals/referral-program.js';
import { resolveVoucher } from '../../domain/vouchers/resolve-voucher.js';
import type { Voucher } from '../../domain/vouchers/voucher.js';
import type { ProjectContext } from '../context.js';
import { recordGiftMovement } from '../gift-cards/gift-ledger.js';
import type { ProjectStore } from '../ports.js';
import { publishInTransaction } from '../publications/create-publication.js';
import type { GrantedReward } from '../repositories/referral-repository.js';

const REWARD_REASON = 'Referral reward';
const TAKEN_BACK_REASON = 'Referral reward taken back: its conversion was rolled back';

/** Publishes one code of the campaign to the referrer, in the open transaction; the publication's id. */
async function publishTo(ctx: ProjectContext, store: ProjectStore, campaignId: string, referrerId: string) {
  const request = { campaign: { id: campaignId }, customer: { id: referrerId }, channel: 'API' };
  return publishInTransaction(ctx, store, request, readPublicationTarget(request), {
    writes: 'upsert',
    joinOnce: false,
  });
}

/**
 * The referrer's card of the reward campaign: the one they hold, else one published to them now.
 * Conversions of one referral code take turns on its voucher row, so they never publish two cards.
 */
async function referrerCard(ctx: ProjectContext, store: ProjectStore, campaignId: string, referrerId: string) {
  const held = await store.vouchers.findHeldInCampaign(campaignId, referrerId);
  if (held) return held;
  await publishTo(ctx, store, campaignId, referrerId);
  return store.vouchers.findHeldInCampaign(campaignId, referrerId);
}

/** The card's opening balance, its own gift amount or its campaign's. */
async function openingOf(store: ProjectStore, card: Voucher): Promise<number> {
  const campaign = card.campaign_id ? ((await store.campaigns.findById(card.campaign_id)) ?? null) : null;
  return resolveVoucher(card, campaign).gift?.amount ?? 0;
}

/**
 * Grants the campaign's referrer reward, in the conversion's transaction: credits added to the
 * referrer's gift card (a CREDITS_ADDITION ledger row, as a manual top-up writes), or a discount
 * code published to them. Null when the reward's campaign is gone: the conversion still counts.
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
    const publication = await store.publications.findById(publicationId);
    const voucherId = publication?.voucher_ids[0];
    return voucherId ? { type: 'DISCOUNT_VOUCHER', voucher_id: voucherId, publication_id: publicationId } : null;
  }
  const amount = reward.amount ?? 0;
  const card = await referrerCard(ctx, store, campaignId, referrerId);
  if (!card || amount <= 0) return null;
  // An addition never fails the conditional write (the balance only grows).
  const counters = await store.giftCards.adjust(card.id, await openingOf(store, card), amount);
  if (!counters) return null;
  await recordGiftMovement(ctx, store, {
    card: { id: card.id, campaign_id: card.campaign_id },
    type: 'CREDITS_ADDITION',
    amount,
    counters,
    source_id: conversionId,
    reason: REWARD_REASON,
  });
  return { type: 'GIFT_VOUCHER', voucher_id: card.id, campaign_id: campaignId, amount };
}

/**
 * Takes a granted reward back, once (the caller removed its conversion row first). Credits come
 * off the card down to zero at most: what the referrer already spent stays spent, and the ledger
 * shows the CREDITS_REMOVAL actually made. A published discount code is disabled rather than
 * unpublished, so the referrer's wallet and the publication keep the history, and the code can no
 * longer be redeemed.
 */
export async function takeBackReward(ctx: ProjectContext, store: ProjectStore, reward: GrantedReward): Promise<void> {
  const now = ctx.clock.now().toISOString();
  if (reward.type === 'DISCOUNT_VOUCHER') {
    const code = await store.vouchers.findById(reward.voucher_id);
    if (code && code.active !== false) await store.vouchers.update({ ...code, active: false, updated_at: now });
    return;
  }
  // The card's row is locked before its balance is read, so the removal is exactly what is left.
  await store.ruleCounters.lockScope({ type: 'voucher', id: reward.voucher_id });
  const card = await store.vouchers.findById(reward.voucher_id);
  if (!card) return;
  const opening = await openingOf(store, card);
  const balance = giftStateOf({ amount: opening, effect: null }, card).balance;
  const taken = Math.min(reward.amount, balance);
  if (taken <= 0) return;
  const counters = await store.giftCards.adjust(card.id, opening, -taken);
  if (!counters) return;
  await recordGiftMovement(ctx, store, {
    card: { id: card.id, campaign_id: card.campaign_id },
    type: 'CREDITS_REMOVAL',
    amount: -taken,
    counters,
    reason: TAKEN_BACK_REASON,
  });
}
