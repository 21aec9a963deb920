import type { Customer } from '../../domain/customers/customer.js';
import { matchesSegmentFilter } from '../../domain/segments/match-segment.js';
import { diffMembership } from '../../domain/segments/membership-diff.js';
import { emitsMembershipEvents, type Segment } from '../../domain/segments/segment.js';
import { combineNeeds, parseSegmentFilter, type SegmentFilter } from '../../domain/segments/segment-filter.js';
import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';
import { loadSegmentFacts } from './load-segment-facts.js';
import { recordSegmentEvent } from './segment-events.js';

/** What a refresh needs besides the store: the time and new event ids. */
export type SegmentRefreshContext = Pick<ProjectContext, 'clock' | 'ids'>;

export interface FilteredSegment {
  segment: Segment;
  filter: SegmentFilter;
}

/** The stored filters, parsed again; they were checked when the segment was created. */
export function parseFilteredSegments(segments: readonly Segment[]): FilteredSegment[] {
  return segments.map((segment) => ({ segment, filter: parseSegmentFilter(segment.filter ?? {}) }));
}

/** Which of the segments each customer matches at `now`. */
export async function matchCustomers(
  store: ProjectStore,
  customers: readonly Customer[],
  segments: readonly FilteredSegment[],
  now: Date,
): Promise<Map<string, Set<string>>> {
  const facts = await loadSegmentFacts(store, customers, combineNeeds(segments.map(({ filter }) => filter.needs)));
  const matching = new Map<string, Set<string>>();
  for (const [customerId, customerFacts] of facts) {
    const ids = segments
      .filter(({ filter }) => matchesSegmentFilter(filter, customerFacts, now))
      .map(({ segment }) => segment.id);
    matching.set(customerId, new Set(ids));
  }
  return matching;
}

/**
 * Re-evaluates the project's auto-update and passive segments for these customers, in the
 * caller's transaction, after it has written what changed (a customer, an order, a redemption,
 * an event). Membership changes are written and, for auto-update segments, reported as
 * `customer.segment.entered`/`left` outbox events.
 *
 * Costs one indexed query when the project has no filtered segment. Correct under concurrent
 * writes of one customer: refreshes of a customer wait for each other (a row lock), so each reads
 * the figures the previous one committed; and the membership row is unique, so of two inserts or
 * deletes only the one that changed a row reports the event: an event is emitted exactly once.
 */
export async function refreshCustomerSegments(
  ctx: SegmentRefreshContext,
  store: ProjectStore,
  customerIds: readonly string[],
): Promise<void> {
  if (customerIds.length === 0) return;
  const segments = await store.segments.listFiltered();
  if (segments.length === 0) return;
  await reevaluateCustomers(ctx, store, customerIds, parseFilteredSegments(segments));
}

/**
 * Re-evaluates these customers against these segments only, in the caller's transaction, writing
 * and reporting the changes as refreshCustomerSegments does; memberships of other segments stay.
 */
export async function reevaluateCustomers(
  ctx: SegmentRefreshContext,
  store: ProjectStore,
  customerIds: readonly string[],
  filtered: readonly FilteredSegment[],
): Promise<void> {
  if (customerIds.length === 0 || filtered.length === 0) return;
  const ids = [...new Set(customerIds)];
  await store.segments.lockCustomers(ids);
  const customers = await store.customers.findManyByIds(ids);
  const segments = filtered.map(({ segment }) => segment);
  const segmentIds = segments.map((segment) => segment.id);
  const at = ctx.clock.now();
  const [matching, memberships] = await Promise.all([
    matchCustomers(store, customers, filtered, at),
    store.segments.memberships(ids, segmentIds),
  ]);
  const byId = new Map(segments.map((segment) => [segment.id, segment]));
  const now = at.toISOString();
  for (const customer of customers) {
    const current = new Set(memberships.filter((m) => m.customer_id === customer.id).map((m) => m.segment_id));
    const change = diffMembership(current, matching.get(customer.id) ?? new Set(), segmentIds);
    for (const segmentId of change.entered) {
      const segment = byId.get(segmentId) as Segment;
      const added = await store.segments.addMember(segmentId, customer.id, now);
      if (added && emitsMembershipEvents(segment.type)) {
        await recordSegmentEvent(ctx, store, 'customer.segment.entered', customer.id, segment, now);
      }
    }
    for (const segmentId of change.left) {
      const segment = byId.get(segmentId) as Segment;
      const removed = await store.segments.removeMember(segmentId, customer.id);
      if (removed && emitsMembershipEvents(segment.type)) {
        await recordSegmentEvent(ctx, store, 'customer.segment.left', customer.id, segment, now);
      }
    }
  }
}
