import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';
import type { GiftCounters } from '../repositories/gift-card-repository.js';
import type { ReservationsInForce } from '../repositories/voucher-repository.js';
import { recordGiftMovement } from './gift-ledger.js';

/** The card a redemption spends from: its id, campaign and `gift.amount` in force. */
export interface SpentCard {
  id: string;
  campaign_id: string | null;
  amount: number;
}

/** The order a movement names in its ledger details. */
export interface MovementOrder {
  id: string | null;
  source_id: string | null;
}

/**
 * Takes `credits` off the card by one conditional write: of racing spends only those the balance
 * still holds get through, whatever they read before; credits other live validation sessions
 * reserved are not the spend's to take. Answers undefined, changing nothing, when
 * the balance no longer holds them. The ledger row is the caller's, once the whole use stands
 * (see `recordGiftSpend`), so a use refused later leaves no row behind.
 */
export function takeGiftCredits(
  store: ProjectStore,
  card: SpentCard,
  credits: number,
  reservations: ReservationsInForce,
): Promise<GiftCounters | undefined> {
  return store.giftCards.spend(card.id, card.amount, credits, reservations);
}

/** Gives credits taken by `takeGiftCredits` back when the rest of the use was refused. */
export async function returnGiftCredits(store: ProjectStore, card: SpentCard, credits: number): Promise<void> {
  await store.giftCards.refund(card.id, card.amount, credits);
}

/** The ledger row of a standing redemption's spend (CREDITS_REDEMPTION, a negative amount). */
export async function recordGiftSpend(
  ctx: ProjectContext,
  store: ProjectStore,
  spend: {
    card: SpentCard;
    credits: number;
    counters: GiftCounters;
    redemptionId: string;
    order: MovementOrder | null;
  },
): Promise<void> {
  await recordGiftMovement(ctx, store, {
    card: spend.card,
    type: 'CREDITS_REDEMPTION',
    amount: -spend.credits,
    counters: spend.counters,
    redemptionId: spend.redemptionId,
    details: {
      ...(spend.order ? { order: spend.order } : {}),
      redemption: { id: spend.redemptionId },
    },
  });
}

/**
 * A rollback's refund: exactly the credits the redemption took (`redemption.amount`), back by one
 * relative write, with its CREDITS_REFUND row. The card's counters were set by the spend, so its
 * opening amount no longer matters here.
 */
export async function refundGiftCredits(
  ctx: ProjectContext,
  store: ProjectStore,
  refund: {
    card: { id: string; campaign_id: string | null };
    credits: number;
    redemptionId: string;
    rollbackId: string;
    order: MovementOrder | null;
  },
): Promise<void> {
  if (refund.credits <= 0) return;
  const counters = await store.giftCards.refund(refund.card.id, 0, refund.credits);
  // A card deleted for good has no balance to refund to: the rollback goes on without it.
  if (!counters) return;
  await recordGiftMovement(ctx, store, {
    card: refund.card,
    type: 'CREDITS_REFUND',
    amount: refund.credits,
    counters,
    redemptionId: refund.redemptionId,
    details: {
      ...(refund.order ? { order: refund.order } : {}),
      redemption: { id: refund.redemptionId },
      rollback: { id: refund.rollbackId },
    },
  });
}
