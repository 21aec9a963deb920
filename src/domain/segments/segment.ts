/**
 * Customer segments. `static` segments hold the customers they were given; `auto-update` and
 * `passive` segments hold the customers their filter matches, kept up to date as customers,
 * orders and events change. Only `auto-update` membership changes are reported as
 * `customer.segment.entered` / `customer.segment.left` events (Voucherify's "active" segments).
 */
export const SEGMENT_TYPES = ['static', 'auto-update', 'passive'] as const;
export type SegmentType = (typeof SEGMENT_TYPES)[number];

/** The types whose membership follows a filter. */
export const FILTERED_SEGMENT_TYPES = ['auto-update', 'passive'] as const satisfies readonly SegmentType[];

/**
 * Whether a filtered segment's first membership pass has finished. The segment is committed
 * IN_PROGRESS before the pass, so customer writes keep it up to date during the pass.
 */
export const SEGMENT_SYNC_STATUSES = ['IN_PROGRESS', 'DONE'] as const;
export type SegmentSyncStatus = (typeof SEGMENT_SYNC_STATUSES)[number];

/** Voucherify caps a static segment at 20,000 customers. */
export const MAX_STATIC_SEGMENT_CUSTOMERS = 20_000;

export interface Segment {
  id: string;
  name: string;
  type: SegmentType;
  /** The filter as the client sent it, junction spelled out; null for a static segment. */
  filter: Record<string, unknown> | null;
  initial_sync_status: SegmentSyncStatus;
  created_at: string;
  updated_at: string | null;
}

export function isFilteredSegment(type: SegmentType): boolean {
  return (FILTERED_SEGMENT_TYPES as readonly SegmentType[]).includes(type);
}

/** Whether membership changes of a segment of this type are reported as events. */
export function emitsMembershipEvents(type: SegmentType): boolean {
  return type === 'auto-update';
}
