import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock, Ids, Store } from '../app/ports.js';
import type { SweepLease } from '../app/repositories/segment-repository.js';
import {
  listStalledSyncs,
  listTimeDependentSegments,
  resumeStalledSyncs,
  sweepTimeDependentSegments,
} from '../app/segments/sweep-time-dependent-segments.js';

/** Projects read per page while looking for segments to sweep. */
const PROJECT_PAGE = 100;
const DEFAULT_BATCH = 200;
/** How long a sweeper holds a project before another process may take it over; renewed per batch. */
const DEFAULT_LEASE_MS = 5 * 60_000;

export interface SegmentSweeperOptions {
  /** Seconds between sweeps; 0 never sweeps on its own (sweepOnce still works). */
  intervalSeconds: number;
  batchSize?: number;
  leaseMs?: number;
  logger?: Pick<FastifyBaseLogger, 'error' | 'info'>;
}

export interface SweepReport {
  /** Projects this sweeper swept; those another process held, or without time-dependent segments, are left out. */
  projects: number;
  evaluated: number;
}

/**
 * Moves customers in and out of segments whose filter counts from now ("sent `purchase` within
 * the last 30 days") as time passes with nothing else changing. Every few minutes it sweeps each
 * project that has such segments. Several processes may run one: a project is swept under a
 * lease in system_state, so two sweepers do not repeat each other's work, and were they to
 * overlap (a lease ran out mid-sweep) the unique membership rows still report each change once.
 */
export class SegmentSweeper {
  private readonly holder = `sweeper_${randomUUID()}`;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;
  private stopRequested = false;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly ids: Ids,
    private readonly options: SegmentSweeperOptions,
  ) {
    this.batchSize = options.batchSize ?? DEFAULT_BATCH;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  }

  /** The server's logger, known only once the app exists. */
  useLogger(logger: SegmentSweeperOptions['logger']): void {
    this.options.logger = logger;
  }

  start(): void {
    if (!this.stopped || this.options.intervalSeconds <= 0) return;
    this.stopped = false;
    this.stopRequested = false;
    this.schedule();
  }

  /** Finishes the batch in hand, then stops. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopRequested = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.running = this.sweepOnce()
        .catch((error: unknown) => this.options.logger?.error({ err: error }, 'segment sweep failed'))
        .finally(() => {
          this.running = undefined;
          if (!this.stopped) this.schedule();
        });
    }, this.options.intervalSeconds * 1000);
    this.timer.unref();
  }

  /** Sweeps every project once, now; the timer calls it, and tests call it directly. */
  async sweepOnce(): Promise<SweepReport> {
    const report: SweepReport = { projects: 0, evaluated: 0 };
    for (let page = 1; ; page++) {
      const projects = await this.store.projects.list({
        limit: PROJECT_PAGE,
        page,
        order: { field: 'created_at', direction: 'asc' },
      });
      for (const project of projects.items) {
        if (this.stopRequested) return report;
        try {
          const evaluated = await this.sweepProject(project.id);
          if (evaluated !== undefined) {
            report.projects += 1;
            report.evaluated += evaluated;
          }
        } catch (error) {
          this.options.logger?.error({ err: error, projectId: project.id }, 'segment sweep of a project failed');
        }
      }
      if (!projects.has_more || projects.items.length === 0) return report;
    }
  }

  /** Customers evaluated, or undefined when there was nothing to sweep or another process holds the project. */
  private async sweepProject(projectId: string): Promise<number | undefined> {
    const store = this.store.forProject(projectId);
    const stalled = await listStalledSyncs(store, this.clock.now());
    const segments = await listTimeDependentSegments(store);
    if (segments.length === 0 && stalled.length === 0) return undefined;
    let lease: SweepLease = { holder: this.holder, until: this.leaseEnd() };
    if (!(await store.segments.claimSweepLease(lease, this.clock.now().toISOString()))) return undefined;
    try {
      const options = {
        batchSize: this.batchSize,
        keepGoing: async () => {
          const until = this.leaseEnd();
          if (!(await store.segments.extendSweepLease(lease, until))) return false;
          lease = { holder: this.holder, until };
          return true;
        },
      };
      const ctx = { clock: this.clock, ids: this.ids };
      // First passes whose request died are finished first: the time sweep assumes creation saw everyone.
      if (!(await resumeStalledSyncs(ctx, store, stalled, options))) {
        this.options.logger?.info({ projectId }, 'segment sync handed over: its lease ran out');
        return 0;
      }
      const outcome = await sweepTimeDependentSegments(ctx, store, segments, options);
      if (!outcome.complete) this.options.logger?.info({ projectId }, 'segment sweep handed over: its lease ran out');
      return outcome.evaluated;
    } finally {
      await store.segments.releaseSweepLease(lease);
    }
  }

  private leaseEnd(): string {
    return new Date(this.clock.now().getTime() + this.leaseMs).toISOString();
  }
}
