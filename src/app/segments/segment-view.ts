import type { Segment } from '../../domain/segments/segment.js';

/** Voucherify's segment object; IN_PROGRESS while a filtered segment's first membership pass runs. */
export function toSegmentObject(segment: Segment) {
  return {
    id: segment.id,
    name: segment.name,
    created_at: segment.created_at,
    ...(segment.updated_at !== null ? { updated_at: segment.updated_at } : {}),
    type: segment.type,
    filter: segment.filter,
    initial_sync_status: segment.initial_sync_status,
    object: 'segment' as const,
  };
}

/** The short form a customer's segment list shows. */
export function toSimpleSegmentObject(segment: Segment) {
  return { id: segment.id, name: segment.name, object: 'segment' as const };
}
