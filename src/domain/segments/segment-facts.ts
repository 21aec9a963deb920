import type { Customer } from '../customers/customer.js';

/** What `summary.orders.*` reads: orders that were paid or fulfilled, amounts in minor units. */
export interface CustomerOrderFigures {
  total_amount: number;
  total_count: number;
  average_amount: number;
  last_order_amount: number;
  last_order_date: string | null;
}

/** What `summary.redemptions.*` reads. */
export interface CustomerRedemptionFigures {
  total_redeemed: number;
  total_failed: number;
  total_succeeded: number;
  total_rolled_back: number;
  total_rollback_failed: number;
  total_rollback_succeeded: number;
}

/** One custom event's figures for a customer: how often it was sent, and when last. */
export interface CustomerEventFigures {
  count: number;
  last_at: string | null;
}

/** Everything a segment filter may read about one customer. */
export interface SegmentFacts {
  customer: Customer;
  orders: CustomerOrderFigures;
  redemptions: CustomerRedemptionFigures;
  /** Keyed by event name; an event the customer never sent counts 0 with no `last_at`. */
  events: Readonly<Record<string, CustomerEventFigures>>;
}

export const NO_ORDERS: CustomerOrderFigures = {
  total_amount: 0,
  total_count: 0,
  average_amount: 0,
  last_order_amount: 0,
  last_order_date: null,
};

export const NO_REDEMPTIONS: CustomerRedemptionFigures = {
  total_redeemed: 0,
  total_failed: 0,
  total_succeeded: 0,
  total_rolled_back: 0,
  total_rollback_failed: 0,
  total_rollback_succeeded: 0,
};

export const NO_EVENT: CustomerEventFigures = { count: 0, last_at: null };

/** Order figures as the customer object's summary shows them; the average rounds to a whole minor unit. */
export function orderFigures(
  totals:
    | { total_amount: number; total_count: number; last_order_amount: number | null; last_order_date: string | null }
    | undefined,
): CustomerOrderFigures {
  if (totals === undefined || totals.total_count === 0) return NO_ORDERS;
  return {
    total_amount: totals.total_amount,
    total_count: totals.total_count,
    average_amount: Math.round(totals.total_amount / totals.total_count),
    last_order_amount: totals.last_order_amount ?? 0,
    last_order_date: totals.last_order_date,
  };
}
