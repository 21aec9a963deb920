import { notFound } from '../../domain/errors.js';
import type { ProjectContext } from '../context.js';

/**
 * DELETE /segments/{id}: the segment and its memberships go in one transaction. No
 * `customer.segment.left` event is reported for its members: no customer changed, and a large
 * segment would flood the outbox with events about a segment that no longer exists.
 */
export function deleteSegment(ctx: ProjectContext, id: string): Promise<void> {
  return ctx.store.transaction(async (store) => {
    if (!(await store.segments.delete(id))) throw notFound('segment', id);
  });
}
