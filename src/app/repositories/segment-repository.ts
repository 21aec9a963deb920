import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { Segment } from '../../domain/segments/segment.js';
import type { DateSource } from '../../domain/segments/sweep-plan.js';

/** One customer in one segment. */
export interface SegmentMembership {
  segment_id: string;
  customer_id: string;
}

/** How often a customer sent one custom event, and when last. */
export interface CustomerEventSummary {
  customer_id: string;
  event: string;
  count: number;
  last_at: string | null;
}

/** Who sweeps this project's time-dependent segments, and until when unless renewed. */
export interface SweepLease {
  holder: string;
  until: string;
}

export interface SegmentListFilters {
  /** Vouch's list search: name or id, partly and whatever the case. */
  search?: string;
}

export interface SegmentRepository {
  findById(id: string): Promise<Segment | undefined>;
  insert(segment: Segment): Promise<void>;
  /** Records that the segment's first membership pass has ended (initial_sync_status DONE). */
  markSynced(id: string): Promise<void>;
  /** Filtered segments whose first pass is still IN_PROGRESS and began before `before`: stalled ones to resume. */
  listSyncingCreatedBefore(before: string): Promise<Segment[]>;
  /** Deletes the segment and its memberships; answers whether the segment existed. */
  delete(id: string): Promise<boolean>;
  list(query: ListQuery, filters?: SegmentListFilters): Promise<ListPage<Segment>>;
  /** The auto-update and passive segments, which every customer write re-evaluates; one indexed query. */
  listFiltered(): Promise<Segment[]>;
  /** The segments a customer is in, oldest first. */
  listOfCustomer(customerId: string): Promise<Segment[]>;
  /** The ids of the segments a customer is in, for the `customer.segment` rule. */
  segmentIdsOfCustomer(customerId: string): Promise<string[]>;
  /** The memberships of these customers in these segments. */
  memberships(customerIds: readonly string[], segmentIds: readonly string[]): Promise<SegmentMembership[]>;
  /** Adds a member unless it already is one; answers whether this call added it. */
  addMember(segmentId: string, customerId: string, at: string): Promise<boolean>;
  /** Removes a member if it is one; answers whether this call removed it. */
  removeMember(segmentId: string, customerId: string): Promise<boolean>;
  /** Adds many members at once, skipping those already in. */
  addMembers(segmentId: string, customerIds: readonly string[], at: string): Promise<void>;
  /** Takes a customer out of every segment (the customer is deleted); answers how many. */
  removeCustomer(customerId: string): Promise<number>;
  /**
   * Makes refreshes of these customers wait for each other until the transaction ends (a row lock
   * on each customer, taken in id order), so each sees the figures the one before it committed.
   */
  lockCustomers(customerIds: readonly string[]): Promise<void>;
  /** The ids of the customers these refs name, by id or else by source_id; refs naming none are left out. */
  resolveCustomerRefs(refs: readonly string[]): Promise<Map<string, string>>;
  /** Customer ids after `afterId` in id order, for a pass over every customer. */
  customerIdsAfter(afterId: string | null, limit: number): Promise<string[]>;
  /** Custom event figures of these customers for these events, for `events.<name>.*` filters. */
  summarizeEvents(customerIds: readonly string[], events: readonly string[]): Promise<CustomerEventSummary[]>;
  /**
   * Ids of customers with a date of `source` from `from` to `to` (inclusive; a date-only value counts
   * by its day), after `afterId` in id order: whom a sweep evaluates again. A superset is allowed.
   */
  customerIdsWithDateIn(
    source: DateSource,
    from: string,
    to: string,
    afterId: string | null,
    limit: number,
  ): Promise<string[]>;
  /** Takes the project's sweep unless another holder's lease lasts past `now`; answers whether it did. */
  claimSweepLease(lease: SweepLease, now: string): Promise<boolean>;
  /** Moves this holder's lease to `until`; answers false when it was lost to another holder. */
  extendSweepLease(lease: SweepLease, until: string): Promise<boolean>;
  /** Gives the lease up, if this holder still has it. */
  releaseSweepLease(lease: SweepLease): Promise<void>;
  /** The time up to which the project's time-dependent segments were last swept whole. */
  sweptThrough(): Promise<string | undefined>;
  /** Records a whole sweep up to `at`; never moves the mark back. */
  markSweptThrough(at: string): Promise<void>;
}
