import { AppError, invalidPayload } from '../../domain/errors.js';
import { giftStateOf, refuseBalanceChange } from '../../domain/gift-cards/gift-card.js';
import { manualTransactionType } from '../../domain/gift-cards/voucher-transaction.js';
import type { ProjectContext } from '../context.js';
import { recordGiftMovement, toBalanceObject } from './gift-ledger.js';
import { loadGiftCard } from './load-gift-card.js';

export interface BalanceChangeRequest {
  amount?: number | null;
  source_id?: string | null;
  reason?: string | null;
}

export type BalanceObject = ReturnType<typeof toBalanceObject>;

/**
 * POST /vouchers/{code}/balance: adds credits to a gift card (a positive amount) or removes them
 * (a negative one), never below zero. The counters move by one conditional write and the ledger
 * row (CREDITS_ADDITION or CREDITS_REMOVAL) commits with them.
 */
export function adjustGiftBalance(
  ctx: ProjectContext,
  code: string,
  request: BalanceChangeRequest,
): Promise<BalanceObject> {
  const amount = request.amount;
  if (amount === undefined || amount === null)
    throw invalidPayload("Property . should have required property 'amount'");
  return ctx.store.transaction(async (store) => {
    const { voucher, card } = await loadGiftCard(ctx, store, code);
    const read = giftStateOf(voucher.effective.gift ?? { amount: card.amount, effect: null }, voucher.stored);
    const refusal = refuseBalanceChange(amount, read.balance);
    if (refusal)
      throw amount < 0 ? new AppError('gift_amount_exceeded', { details: refusal }) : invalidPayload(refusal);
    // The balance read above may be stale; the write re-checks it under the row lock.
    const counters = await store.giftCards.adjust(card.id, card.amount, amount);
    if (!counters && amount < 0) {
      throw new AppError('gift_amount_exceeded', { details: `Cannot remove ${-amount} credits: not that many left` });
    }
    if (!counters) throw invalidPayload(`Cannot add ${amount} credits: the balance would be too large`);
    await recordGiftMovement(ctx, store, {
      card,
      type: manualTransactionType(amount),
      amount,
      counters,
      source_id: request.source_id ?? null,
      reason: request.reason ?? null,
    });
    return toBalanceObject(card.id, amount, counters, true);
  });
}
