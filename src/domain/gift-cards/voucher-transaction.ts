/** The movements of a gift card's credits, as Voucherify names its transactions. */
export const GIFT_TRANSACTION_TYPES = [
  'CREDITS_REDEMPTION',
  'CREDITS_REFUND',
  'CREDITS_ADDITION',
  'CREDITS_REMOVAL',
] as const;
export type GiftTransactionType = (typeof GIFT_TRANSACTION_TYPES)[number];

/** One row of the append-only ledger: what moved, and the balance and total after it. */
export interface VoucherTransaction {
  id: string;
  voucher_id: string;
  campaign_id: string | null;
  type: GiftTransactionType;
  /** Signed: negative when credits left the card. */
  amount: number;
  balance: number;
  total: number;
  source_id: string | null;
  /** `API` for manual changes; null for redemptions and refunds, as Voucherify does. */
  source: string | null;
  reason: string | null;
  redemption_id: string | null;
  /** Voucherify's `details` beyond the balance: `order`, `redemption`, `rollback`. */
  details: Record<string, unknown>;
  created_at: string;
}

/** The type of a manual change: an addition when positive, a removal otherwise. */
export function manualTransactionType(amount: number): GiftTransactionType {
  return amount > 0 ? 'CREDITS_ADDITION' : 'CREDITS_REMOVAL';
}
