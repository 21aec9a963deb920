import type { VoucherTransaction } from '../../domain/gift-cards/voucher-transaction.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { ReservationsInForce } from './voucher-repository.js';

/** A card's counters after a movement. */
export interface GiftCounters {
  balance: number;
  total: number;
}

/**
 * A gift card's credits and their ledger. Every counter change is one conditional relative write
 * on the voucher row (invariant 1); `opening` is the card's `gift.amount`, which the counters take
 * at the first movement. The caller appends the ledger row in the same transaction.
 */
export interface GiftCardRepository {
  /**
   * Takes `credits` off, only while the balance holds them, and with `reservations` only what it
   * holds beyond the credits other live validation sessions reserved; undefined (nothing changed) otherwise.
   */
  spend(
    voucherId: string,
    opening: number,
    credits: number,
    reservations?: ReservationsInForce,
  ): Promise<GiftCounters | undefined>;
  /** Gives credits back; undefined when the card is gone for good (deleted with `force`): nothing to give back to. */
  refund(voucherId: string, opening: number, credits: number): Promise<GiftCounters | undefined>;
  /**
   * A manual change of `amount` (signed) to both balance and total, only while the balance stays
   * at or above zero; undefined (nothing changed) otherwise. It ignores credits validation sessions
   * hold: the merchant's (or a rollback's) change wins, and a session left short is refused at redemption.
   */
  adjust(voucherId: string, opening: number, amount: number): Promise<GiftCounters | undefined>;
  /** Appends one row to the ledger; rows are never changed afterwards. */
  appendTransaction(transaction: VoucherTransaction): Promise<void>;
  /** A page of a card's ledger, by (created_at, id). */
  listTransactions(voucherId: string, query: ListQuery): Promise<ListPage<VoucherTransaction>>;
  /** A card's whole ledger, oldest first (or newest first), for an export. */
  allTransactions(voucherId: string, direction: 'asc' | 'desc'): Promise<VoucherTransaction[]>;
}
