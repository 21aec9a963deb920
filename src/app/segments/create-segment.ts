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
import { backfillSegment } from './backfill-segment.js';

export interface SegmentInput {
  name: string;
  type?: SegmentType | null;
  filter?: Record<string, unknown> | null;
  /** Customer ids or source_ids, for a static segment. */
  customers?: string[] | null;
}

/** Customers evaluated per transaction of the initial pass. */
export const SEGMENT_BACKFILL_BATCH = 500;

/** A static segment's customers by id or source_id; one that names no customer is a 404 and nothing is stored. */
async function resolveMembers(store: ProjectStore, refs: readonly string[]): Promise<string[]> {
  const resolved = await store.segments.resolveCustomerRefs(refs);
  const missing = refs.find((ref) => !resolved.has(ref));
  if (missing !== undefined) throw notFound('customer', missing);
  return [...new Set(resolved.values())];
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
 * is refused whole), in one transaction. An auto-update or passive segment holds the customers its
 * filter matches: it is committed IN_PROGRESS first, so customer writes keep it up to date from
 * then on, then filled in short batches (backfillSegment) and answered DONE. A request that dies
 * mid-pass leaves it IN_PROGRESS for the segment sweeper to resume.
 */
export async function createSegment(ctx: ProjectContext, input: SegmentInput): Promise<Segment> {
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
    initial_sync_status: filter === null ? 'DONE' : 'IN_PROGRESS',
    created_at: now,
    updated_at: null,
  };
  if (filter === null) {
    return ctx.store.transaction(async (store) => {
      const members = await resolveMembers(store, input.customers ?? []);
      await store.segments.insert(segment);
      await store.segments.addMembers(segment.id, members, now);
      return segment;
    });
  }
  await ctx.store.segments.insert(segment);
  await backfillSegment(ctx.store, segment, { batchSize: SEGMENT_BACKFILL_BATCH, at });
  return { ...segment, initial_sync_status: 'DONE' };
}
