import type { GiftTransactionType, VoucherTransaction } from '../../domain/gift-cards/voucher-transaction.js';
import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';
import type { GiftCounters } from '../repositories/gift-card-repository.js';

/** Voucherify's balance object, as the balance endpoint answers and each transaction's details hold. */
export function toBalanceObject(voucherId: string, amount: number, counters: GiftCounters, manual: boolean) {
  return {
    amount,
    total: counters.total,
    balance: counters.balance,
    type: 'gift_voucher' as const,
    ...(manual ? { operation_type: 'MANUAL' as const } : {}),
    object: 'balance' as const,
    related_object: { type: 'voucher' as const, id: voucherId },
  };
}

export interface GiftMovement {
  card: { id: string; campaign_id: string | null };
  type: GiftTransactionType;
  /** Signed. */
  amount: number;
  counters: GiftCounters;
  source_id?: string | null;
  reason?: string | null;
  redemptionId?: string | null;
  /** `order`, `redemption`, `rollback` as Voucherify's details name them. */
  details?: Record<string, unknown>;
}

/**
 * Appends the ledger row of a movement the caller just made, in its transaction: the ledger and
 * the counters commit together or not at all, so the ledger always adds up to the balance.
 */
export async function recordGiftMovement(
  ctx: ProjectContext,
  store: ProjectStore,
  movement: GiftMovement,
): Promise<VoucherTransaction> {
  const manual = movement.type === 'CREDITS_ADDITION' || movement.type === 'CREDITS_REMOVAL';
  const transaction: VoucherTransaction = {
    id: ctx.ids.newId('vtx_'),
    voucher_id: movement.card.id,
    campaign_id: movement.card.campaign_id,
    type: movement.type,
    amount: movement.amount,
    balance: movement.counters.balance,
    total: movement.counters.total,
    source_id: movement.source_id ?? null,
    source: manual ? 'API' : null,
    reason: movement.reason ?? null,
    redemption_id: movement.redemptionId ?? null,
    details: {
      balance: toBalanceObject(movement.card.id, movement.amount, movement.counters, manual),
      ...movement.details,
    },
    created_at: ctx.clock.now().toISOString(),
  };
  await store.giftCards.appendTransaction(transaction);
  return transaction;
}
