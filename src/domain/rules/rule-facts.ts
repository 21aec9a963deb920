import type { Metadata } from '../metadata.js';
import type { OrderItem, OrderItemProduct, OrderItemSku } from '../orders/order.js';

/**
 * Counts the app loads from the store, only those a compiled definition declares in
 * `requiredFacts.counters`. Each is the count BEFORE the redemption being checked: the rules see
 * it with this redemption included (count + 1, amount + this order's amount), since Voucherify
 * stores "at most once per customer" as `redemption.count.per_customer $less_than_or_equal [1]`.
 */
export const RULE_COUNTERS = [
  'campaignOrdersAmount',
  'campaignRedemptionsCount',
  'customerRedemptionsCount',
  'dailyRedemptionsCount',
  'monthlyRedemptionsCount',
] as const;

export type RuleCounter = (typeof RULE_COUNTERS)[number];

export type RuleCounters = Partial<Record<RuleCounter, number>>;

/** An order line as rules read it; an `OrderItem` (or a calculated one) fits as it is. */
export type RuleOrderItem = Pick<
  OrderItem,
  'product_id' | 'sku_id' | 'source_id' | 'related_object' | 'quantity' | 'price' | 'amount' | 'metadata'
> & {
  product: Pick<OrderItemProduct, 'id' | 'source_id' | 'metadata'> | null;
  sku: Pick<OrderItemSku, 'id' | 'source_id' | 'metadata'> | null;
};

export interface RuleOrder {
  /**
   * What `order.amount` compares: the running total, after the discounts applied before this
   * one in a stack (Voucherify's rule sees the running total, `initial_amount` the original).
   */
  amount: number | null;
  initial_amount: number | null;
  metadata: Metadata | null;
  items: readonly RuleOrderItem[];
}

export interface RuleCustomer {
  id: string | null;
  source_id: string | null;
  metadata: Metadata | null;
  segment_ids: readonly string[];
  loyalty_tier_ids: readonly string[];
}

/** Everything a definition may read. Missing facts are unknown: only `$is_unknown` holds on them. */
export interface RuleFacts {
  /** ISO-8601 instant; relative-day operators count calendar days from it. */
  now: string;
  /** IANA zone of the project: the wall clock that "3 days ago" is counted on. */
  timezone: string;
  order: RuleOrder | null;
  customer: RuleCustomer | null;
  redemption: { metadata: Metadata | null } | null;
  customEvent: { metadata: Metadata | null } | null;
  counters: RuleCounters;
  /**
   * The product collections (of those in `requiredFacts.collectionIds`) order line `index` belongs
   * to; resolving membership needs the store, so the caller answers it. Absent: no membership.
   */
  collectionIdsOfItem?: (index: number) => readonly string[];
}

/** What the app must load before evaluating a compiled definition; most carts need no counter. */
export interface RequiredFacts {
  order: boolean;
  customer: boolean;
  /** The customer's segments, which only `customer.segment` reads. */
  customerSegments: boolean;
  redemption: boolean;
  customEvent: boolean;
  counters: readonly RuleCounter[];
  collectionIds: readonly string[];
}
