import { AppError } from '../../domain/errors.js';
import { giftStateOf } from '../../domain/gift-cards/gift-card.js';
import { readPublicationTarget } from '../../domain/publications/publication-target.js';
import { resolveVoucher } from '../../domain/vouchers/resolve-voucher.js';
import type { Voucher } from '../../domain/vouchers/voucher.js';
import type { ProjectContext } from '../context.js';
import { recordGiftMovement } from '../gift-cards/gift-ledger.js';
import type { ProjectStore } from '../ports.js';
import { publishInTransaction } from '../publications/create-publication.js';
import { lockInOrder } from '../redemptions/lock-order.js';
import type { GrantedReward } from '../repositories/referral-repository.js';

const TAKEN_BACK_REASON = 'Referral reward taken back: its conversion was rolled back';

type GiftGrant = Extract<GrantedReward, { type: 'GIFT_VOUCHER' }>;

/**
 * Publishes one code of the campaign to the customer, in the open transaction; the publication's
 * id, or null when the campaign has no code to give (its pool is empty, it is disabled or expired).
 * That refusal comes before the publication writes anything (publishInTransaction), so catching it
 * leaves the conversion's transaction whole: the conversion counts, without this reward. It does
 * so only for a request without a source_id (one with it writes its row first), as this one is.
 */
export async function publishTo(
  ctx: ProjectContext,
  store: ProjectStore,
  campaignId: string,
  customerId: string,
): Promise<string | null> {
  const request = { campaign: { id: campaignId }, customer: { id: customerId }, channel: 'API' };
  try {
    return await publishInTransaction(ctx, store, request, readPublicationTarget(request), {
      writes: 'upsert',
      joinOnce: false,
    });
  } catch (error) {
    if (error instanceof AppError && error.key === 'no_voucher_suitable_for_publication') return null;
    throw error;
  }
}

/**
 * The customer's card of the gift campaign: the one they hold, else one published to them now;
 * null when they hold none and the campaign has none left to give.
 * Two conversions never publish two cards to one customer: a referrer's conversions take turns on
 * their referral code's row, and a referee converts once per campaign (the conversion row), under
 * their own customer row locked first by the redemption.
 */
export async function giftCardOf(ctx: ProjectContext, store: ProjectStore, campaignId: string, customerId: string) {
  const held = await store.vouchers.findHeldInCampaign(campaignId, customerId);
  if (held) return held;
  if (!(await publishTo(ctx, store, campaignId, customerId))) return null;
  return store.vouchers.findHeldInCampaign(campaignId, customerId);
}

export interface CardHolder {
  campaignId: string;
  customerId: string;
}

/** Locks the cards these customers already hold in these gift campaigns, by id (lock-order.ts). */
export async function lockHeldCards(store: ProjectStore, holders: readonly CardHolder[]): Promise<void> {
  const scopes = [];
  for (const holder of holders) {
    const card = await store.vouchers.findHeldInCampaign(holder.campaignId, holder.customerId);
    if (card) scopes.push({ type: 'voucher' as const, id: card.id });
  }
  await lockInOrder(store, scopes);
}

/** The card's opening balance, its own gift amount or its campaign's. */
async function openingOf(store: ProjectStore, card: Voucher): Promise<number> {
  const campaign = card.campaign_id ? ((await store.campaigns.findById(card.campaign_id)) ?? null) : null;
  return resolveVoucher(card, campaign).gift?.amount ?? 0;
}

export interface CreditGrant {
  campaignId: string;
  customerId: string;
  amount: number;
  /** The conversion: the ledger row's source. */
  conversionId: string;
  reason: string;
}

/**
 * Adds a reward's credits to the customer's card of the gift campaign (a CREDITS_ADDITION ledger
 * row, as a manual top-up writes), in the conversion's transaction. Null when nothing was added.
 */
export async function creditGiftCard(
  ctx: ProjectContext,
  store: ProjectStore,
  grant: CreditGrant,
): Promise<GiftGrant | null> {
  if (grant.amount <= 0) return null;
  const card = await giftCardOf(ctx, store, grant.campaignId, grant.customerId);
  if (!card) return null;
  // An addition never fails the conditional write (the balance only grows).
  const counters = await store.giftCards.adjust(card.id, await openingOf(store, card), grant.amount);
  if (!counters) return null;
  await recordGiftMovement(ctx, store, {
    card: { id: card.id, campaign_id: card.campaign_id },
    type: 'CREDITS_ADDITION',
    amount: grant.amount,
    counters,
    source_id: grant.conversionId,
    reason: grant.reason,
  });
  return { type: 'GIFT_VOUCHER', voucher_id: card.id, campaign_id: grant.campaignId, amount: grant.amount };
}

/**
 * Takes granted credits back, once (the caller removed its conversion row first), down to zero at
 * most: what the customer already spent stays spent, and the ledger shows the CREDITS_REMOVAL
 * actually made.
 */
export async function takeBackCredits(ctx: ProjectContext, store: ProjectStore, reward: GiftGrant): Promise<void> {
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
