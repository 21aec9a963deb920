import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { Metadata } from '../../domain/metadata.js';
import type { Redemption } from '../../domain/redemptions/redemption.js';

/** Who sent an event: a server-side key (`API`) or a storefront's client-side key. */
export type CustomEventChannel = 'API' | 'CLIENT_API';

export interface CustomEventReferral {
  code: string;
  referrer_id?: string;
}

export interface CustomEventLoyalty {
  code: string;
}

/** A custom event a shop tracked for one of its customers (`POST /v1/events`). */
export interface CustomEvent {
  id: string;
  customer_id: string;
  event: string;
  metadata: Metadata;
  /** Kept as sent, for the referral and loyalty programs that will convert on events. */
  referral: CustomEventReferral | null;
  loyalty: CustomEventLoyalty | null;
  channel: CustomEventChannel;
  /** The request that tracked it: an activity's `group_id`. */
  request_id: string | null;
  created_at: string;
}

/** The activity types Vouch records for a customer, as Voucherify names them. */
export const CUSTOMER_ACTIVITY_TYPES = [
  'customer.custom_event',
  'customer.redemption.succeeded',
  'customer.redemption.failed',
  'customer.redemption.rollback.succeeded',
  'customer.redemption.rollback.failed',
] as const;

export type CustomerActivityType = (typeof CUSTOMER_ACTIVITY_TYPES)[number];

/** What an activity shows of a redemption or rollback. */
export type ActivityRedemption = Pick<
  Redemption,
  | 'id'
  | 'object'
  | 'result'
  | 'status'
  | 'customer_id'
  | 'tracking_id'
  | 'metadata'
  | 'amount'
  | 'order_id'
  | 'voucher_id'
  | 'voucher_code'
  | 'campaign_id'
  | 'rollback_of'
  | 'reason'
  | 'failure_code'
  | 'failure_message'
  | 'channel_type'
  | 'channel_id'
  | 'created_at'
>;

/** One moment of a customer's activity; its id is the id of the event or redemption behind it. */
export type CustomerActivity =
  | { type: 'customer.custom_event'; id: string; created_at: string; event: CustomEvent }
  | {
      type: Exclude<CustomerActivityType, 'customer.custom_event'>;
      id: string;
      created_at: string;
      redemption: ActivityRedemption;
    };

export interface CustomerActivityFilters {
  type?: string;
  /** Only redemptions of this campaign (custom events belong to no campaign). */
  campaign_id?: string;
}

export interface CustomEventRepository {
  insert(event: CustomEvent): Promise<void>;
  /** How many events named `event` the customer has, since `since` (inclusive) when given. */
  countForCustomer(customerId: string, event: string, since?: string): Promise<number>;
  /** Removes a customer's events (permanent deletion); answers how many. */
  deleteForCustomer(customerId: string): Promise<number>;
  /**
   * A customer's activity: its custom events, redemptions and rollbacks as one list ordered by
   * `created_at` then id, paged by `page` or by a `starting_after_id` cursor.
   */
  listActivities(
    customerId: string,
    query: ListQuery,
    filters: CustomerActivityFilters,
  ): Promise<ListPage<CustomerActivity>>;
}
