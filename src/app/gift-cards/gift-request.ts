import type { GiftCardRequest } from '../../domain/gift-cards/evaluate-gift-card.js';
import { giftStateOf } from '../../domain/gift-cards/gift-card.js';
import type { LoadedVoucher } from '../redemptions/load-voucher.js';
import type { SpentCard } from './spend-gift-credits.js';

export type { SpentCard } from './spend-gift-credits.js';

/** `gift` of a validation or redemption request: the credits to use from a gift card. */
export interface GiftCreditsRequest {
  credits?: number | null;
}

/**
 * What the evaluation needs of a gift card: its balance as read now, less the credits other
 * validation sessions hold, and the credits asked for.
 */
export function giftRequestOf(
  voucher: LoadedVoucher,
  gift: GiftCreditsRequest | null | undefined,
): GiftCardRequest | undefined {
  const definition = voucher.effective.gift;
  if (voucher.effective.type !== 'GIFT_VOUCHER' || !definition) return undefined;
  const balance = giftStateOf(definition, voucher.stored).balance - (voucher.reserved_credits ?? 0);
  return { balance: Math.max(0, balance), requested: gift?.credits ?? null };
}

/** The card a use spends from, when the voucher is a gift card. */
export function spentCardOf(voucher: LoadedVoucher): SpentCard | null {
  const definition = voucher.effective.gift;
  if (voucher.effective.type !== 'GIFT_VOUCHER' || !definition) return null;
  return { id: voucher.stored.id, campaign_id: voucher.stored.campaign_id, amount: definition.amount };
}
