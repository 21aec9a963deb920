import type { Segment } from '../../domain/segments/segment.js';
import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';

export type SegmentEventType = 'customer.segment.entered' | 'customer.segment.left';

/**
 * Adds a `customer.segment.entered`/`left` event to the outbox in the caller's transaction. Like
 * recordEvent it names the customer rather than copying it, and it carries the segment as the
 * event's `segment` object shows it, since a segment may be deleted before the event is sent.
 */
export async function recordSegmentEvent(
  ctx: Pick<ProjectContext, 'ids'>,
  store: ProjectStore,
  type: SegmentEventType,
  customerId: string,
  segment: Pick<Segment, 'id' | 'name'>,
  at: string,
): Promise<void> {
  await store.outbox.add({
    id: ctx.ids.newId('evt_'),
    type,
    payload: { object: 'customer', id: customerId, segment: { id: segment.id, name: segment.name, object: 'segment' } },
    created_at: at,
  });
}
