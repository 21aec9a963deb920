import type { Segment } from '../../domain/segments/segment.js';
import type { ProjectStore } from '../ports.js';
import { matchCustomers, parseFilteredSegments } from './refresh-customer-segments.js';

export interface BackfillOptions {
  /** Customers evaluated per transaction. */
  batchSize: number;
  /** The time filters are evaluated at. */
  at: Date;
  /** Asked after each batch; false stops the pass unfinished (a sweeper lost its lease). */
  keepGoing?: () => Promise<boolean>;
}

/**
 * A filtered segment's first membership pass over every customer, run after the segment is
 * committed IN_PROGRESS, so every customer write from then on refreshes it too. Each batch is a
 * short transaction that locks its customers first (in id order), then reads and matches them:
 * a concurrent write of one of them either commits before the batch reads it or waits for the
 * batch and refreshes on top of it, so both orders converge. Rows are inserted only if absent and
 * report no event (no customer changed), which makes the pass safe to run again when resumed.
 * Marks the segment DONE when every customer was seen; answers whether it got there.
 */
export async function backfillSegment(
  store: ProjectStore,
  segment: Segment,
  options: BackfillOptions,
): Promise<boolean> {
  const filtered = parseFilteredSegments([segment]);
  const now = options.at.toISOString();
  let after: string | null = null;
  for (;;) {
    const ids = await store.segments.customerIdsAfter(after, options.batchSize);
    if (ids.length === 0) break;
    await store.transaction(async (tx) => {
      await tx.segments.lockCustomers(ids);
      // Customers deleted since the ids were read are simply not found.
      const customers = await tx.customers.findManyByIds(ids);
      const matching = await matchCustomers(tx, customers, filtered, options.at);
      const members = customers.map(({ id }) => id).filter((id) => matching.get(id)?.has(segment.id));
      if (members.length > 0) await tx.segments.addMembers(segment.id, members, now);
    });
    after = ids.at(-1) ?? null;
    if (options.keepGoing && !(await options.keepGoing())) return false;
  }
  await store.segments.markSynced(segment.id);
  return true;
}
