import { AppError, invalidPayload, notFound } from '../../domain/errors.js';
import {
  isFilteredSegment,
  MAX_STATIC_SEGMENT_CUSTOMERS,
  type Segment,
  type SegmentType,
} from '../../domain/segments/segment.js';
import { parseSegmentFilter } from '../../domain/segments/segment-filter.js';
import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';
import { matchCustomers, parseFilteredSegments } from './refresh-customer-segments.js';

export interface SegmentInput {
  name: string;
  type?: SegmentType | null;
  filter?: Record<string, unknown> | null;
  /** Customer ids or source_ids, for a static segment. */
  customers?: string[] | null;
}

/** Customers evaluated per batch of the initial pass. */
const BATCH = 500;

/** A static segment's customers by id or source_id; one that names no customer is a 404 and nothing is stored. */
async function resolveMembers(store: ProjectStore, refs: readonly string[]): Promise<string[]> {
  const resolved = await store.segments.resolveCustomerRefs(refs);
  const missing = refs.find((ref) => !resolved.has(ref));
  if (missing !== undefined) throw notFound('customer', missing);
  return [...new Set(resolved.values())];
}

/**
 * The initial membership of a filtered segment: every customer of the project, evaluated in
 * batches in the creating transaction, so the segment is answered with `initial_sync_status`
 * DONE. Entering at creation reports no event: no customer changed.
 */
async function addMatchingCustomers(store: ProjectStore, segment: Segment, at: Date): Promise<void> {
  const filtered = parseFilteredSegments([segment]);
  let after: string | null = null;
  for (;;) {
    const ids = await store.segments.customerIdsAfter(after, BATCH);
    if (ids.length === 0) return;
    const customers = await store.customers.findManyByIds(ids);
    const matching = await matchCustomers(store, customers, filtered, at);
    const members = ids.filter((id) => matching.get(id)?.has(segment.id));
    if (members.length > 0) await store.segments.addMembers(segment.id, members, at.toISOString());
    after = ids.at(-1) ?? null;
  }
}

function checkShape(input: SegmentInput, type: SegmentType): void {
  const hasFilter = input.filter !== undefined && input.filter !== null;
  const hasCustomers = input.customers !== undefined && input.customers !== null;
  if (isFilteredSegment(type)) {
    if (!hasFilter) throw invalidPayload(`filter: an ${type} segment needs a filter`);
    if (hasCustomers) throw invalidPayload(`customers: an ${type} segment takes its customers from its filter`);
    return;
  }
  if (hasFilter) throw invalidPayload('filter: a static segment takes a list of customers, not a filter');
  if ((input.customers?.length ?? 0) > MAX_STATIC_SEGMENT_CUSTOMERS) {
    throw new AppError('invalid_payload', {
      details: `customers: a static segment holds at most ${MAX_STATIC_SEGMENT_CUSTOMERS} customers`,
    });
  }
}

/**
 * POST /segments. A static segment holds the customers it names (ids or source_ids; an unknown one
 * is refused whole); an auto-update or passive segment holds the customers its filter matches,
 * computed now over every customer and kept up to date by refreshCustomerSegments.
 */
export function createSegment(ctx: ProjectContext, input: SegmentInput): Promise<Segment> {
  const type = input.type ?? 'static';
  checkShape(input, type);
  const filter = isFilteredSegment(type) ? parseSegmentFilter(input.filter) : null;
  const at = ctx.clock.now();
  const now = at.toISOString();
  const segment: Segment = {
    id: ctx.ids.newId('seg_'),
    name: input.name,
    type,
    filter: filter?.normalized ?? null,
    created_at: now,
    updated_at: null,
  };
  return ctx.store.transaction(async (store) => {
    const members = filter === null ? await resolveMembers(store, input.customers ?? []) : [];
    await store.segments.insert(segment);
    if (filter === null) await store.segments.addMembers(segment.id, members, now);
    else await addMatchingCustomers(store, segment, at);
    return segment;
  });
}
