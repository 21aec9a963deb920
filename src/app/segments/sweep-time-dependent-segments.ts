import type { Segment } from '../../domain/segments/segment.js';
import { planSweep } from '../../domain/segments/sweep-plan.js';
import type { ProjectStore } from '../ports.js';
import { backfillSegment } from './backfill-segment.js';
import { type FilteredSegment, parseFilteredSegments, reevaluateCustomers } from './refresh-customer-segments.js';

/** What a sweep needs besides the store: its time, fixed for the whole sweep, and new event ids. */
export type SweepContext = Parameters<typeof reevaluateCustomers>[0];

export interface SweepOptions {
  /** Customers re-evaluated per transaction. */
  batchSize: number;
  /** Asked after each batch; false stops the sweep unfinished (its lease was lost). */
  keepGoing?: () => Promise<boolean>;
}

export interface SweepOutcome {
  /** Customers evaluated again; one found by several windows counts each time. */
  evaluated: number;
  complete: boolean;
}

/** The project's auto-update and passive segments whose filter counts from now: one indexed query. */
export async function listTimeDependentSegments(store: ProjectStore): Promise<FilteredSegment[]> {
  return parseFilteredSegments(await store.segments.listFiltered()).filter(({ filter }) => filter.timeDependent);
}

/** How long a first membership pass may run before a sweeper takes it for stalled (its request died). */
export const STALLED_SYNC_MS = 60_000;

/** Filtered segments still IN_PROGRESS a minute after creation: their creating request died mid-pass. */
export function listStalledSyncs(store: ProjectStore, now: Date): Promise<Segment[]> {
  return store.segments.listSyncingCreatedBefore(new Date(now.getTime() - STALLED_SYNC_MS).toISOString());
}

/**
 * Runs the first membership pass of these stalled segments again, from the start (it is
 * idempotent), and marks each DONE; answers false when keepGoing stopped it.
 */
export async function resumeStalledSyncs(
  ctx: SweepContext,
  store: ProjectStore,
  segments: readonly Segment[],
  options: SweepOptions,
): Promise<boolean> {
  for (const segment of segments) {
    const { batchSize, keepGoing } = options;
    if (!(await backfillSegment(store, segment, { batchSize, keepGoing, at: ctx.clock.now() }))) return false;
  }
  return true;
}

/**
 * Re-evaluates the customers whose membership of these time-dependent segments may have changed
 * since the last whole sweep with nothing else changing: those with a date a relative bound passed
 * over (planSweep), found by range queries, so a sweep costs what changed rather than every
 * customer. Each batch is one transaction through the same path as refreshCustomerSegments:
 * customer locks, unique membership rows, an outbox event only from the write that changed a row.
 *
 * A segment created after the last sweep counts from its creation, which evaluated everyone.
 * The mark moves only after a whole sweep, so an interrupted one is covered by the next.
 */
export async function sweepTimeDependentSegments(
  ctx: SweepContext,
  store: ProjectStore,
  segments: readonly FilteredSegment[],
  options: SweepOptions,
): Promise<SweepOutcome> {
  const now = ctx.clock.now();
  if (segments.length === 0) return { evaluated: 0, complete: true };
  const swept = await store.segments.sweptThrough();
  const plans = segments.map(({ segment, filter }) => {
    const since = swept !== undefined && swept > segment.created_at ? swept : segment.created_at;
    return { filter, since: new Date(since) };
  });
  const fixed: SweepContext = { ids: ctx.ids, clock: { now: () => new Date(now) } };
  let evaluated = 0;
  for (const window of planSweep(plans, now)) {
    let after: string | null = null;
    for (;;) {
      const ids = await store.segments.customerIdsWithDateIn(
        window.source,
        window.from,
        window.to,
        after,
        options.batchSize,
      );
      if (ids.length === 0) break;
      await store.transaction((tx) => reevaluateCustomers(fixed, tx, ids, segments));
      evaluated += ids.length;
      after = ids.at(-1) ?? null;
      if (options.keepGoing && !(await options.keepGoing())) return { evaluated, complete: false };
    }
  }
  await store.segments.markSweptThrough(now.toISOString());
  return { evaluated, complete: true };
}
