import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { JobContext } from '../app/async-actions/async-action-handler.js';
import { ASYNC_ACTION_HANDLERS } from '../app/async-actions/async-action-handlers.js';
import type { WorkNotifier } from '../app/context.js';
import type { Clock, Ids, Store } from '../app/ports.js';
import type { ClaimedAsyncAction } from '../app/repositories/async-action-queue.js';
import type { AsyncAction } from '../domain/async-actions/async-action.js';
import { AppError } from '../domain/errors.js';

const LEASE_MS = 5 * 60_000;
/** An action that killed its worker this many times is failed instead of retried forever. */
const MAX_ATTEMPTS = 3;

/** An action whose run the database's going away cut short; this worker still holds its lease. */
interface Interrupted {
  claimed: ClaimedAsyncAction;
  leaseUntil: number;
}

function isDatabaseUnavailable(error: unknown): boolean {
  return error instanceof AppError && error.key === 'service_unavailable';
}

export interface WorkerOptions {
  pollIntervalMs?: number;
  logger?: Pick<FastifyBaseLogger, 'error' | 'info'>;
}

/**
 * Runs queued async actions after the request that queued them has answered. It wakes at once
 * when this process queues work and polls for work queued by other processes; each action is
 * taken with a lease, so an action whose worker died is picked up again.
 */
export class AsyncActionWorker implements WorkNotifier {
  private readonly workerId = `worker_${randomUUID()}`;
  private readonly pollIntervalMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private wakeRequested = false;
  private stopped = true;
  private interrupted: Interrupted | undefined;
  private readonly options: WorkerOptions;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly ids: Ids,
    options: WorkerOptions = {},
  ) {
    this.options = { ...options };
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
  }

  /** The server's logger, known only once the app that queues work exists. */
  useLogger(logger: WorkerOptions['logger']): void {
    this.options.logger = logger;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Finishes the action in hand, then stops taking new ones. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wakeRequested = true;
      return;
    }
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.drain().finally(() => {
        this.running = undefined;
        if (this.stopped) return;
        const again = this.wakeRequested;
        this.wakeRequested = false;
        this.schedule(again ? 0 : this.pollIntervalMs);
      });
    }, delayMs);
    this.timer.unref();
  }

  /** Runs every action waiting now, then returns; for tests and one-shot commands. */
  async runPending(): Promise<void> {
    await this.drain(true);
  }

  /** Runs actions until the queue is empty (or the worker is stopped). */
  private async drain(evenIfStopped = false): Promise<void> {
    while (evenIfStopped || !this.stopped) {
      let claimed: ClaimedAsyncAction | undefined;
      const now = this.clock.now();
      // An interrupted action is run again first, while its lease holds; once the lease has run
      // out another worker may have taken it, and it is claimed anew like any other.
      const resumed = this.interrupted && this.interrupted.leaseUntil > now.getTime() ? this.interrupted : undefined;
      this.interrupted = undefined;
      const leaseUntil = resumed?.leaseUntil ?? now.getTime() + LEASE_MS;
      try {
        claimed =
          resumed?.claimed ??
          (await this.store.asyncActionQueue.claimNext(
            this.workerId,
            now.toISOString(),
            new Date(leaseUntil).toISOString(),
          ));
      } catch (error) {
        this.options.logger?.error({ err: error }, 'could not claim an async action');
        return;
      }
      if (!claimed) return;
      try {
        await this.run(claimed);
      } catch (error) {
        // The database went away mid-action: rather than leave the action until its lease runs
        // out, this worker runs it again once the database answers (handlers resume, as after a crash).
        this.options.logger?.error({ err: error, asyncActionId: claimed.action.id }, 'async action interrupted');
        if (isDatabaseUnavailable(error)) this.interrupted = { claimed, leaseUntil };
        return;
      }
    }
  }

  private async run({ projectId, action }: ClaimedAsyncAction): Promise<void> {
    const started = this.clock.now().getTime();
    const finish = (outcome: Pick<AsyncAction, 'status' | 'operation_status' | 'result'>) =>
      this.store.asyncActionQueue.finish(
        action.id,
        this.workerId,
        { ...outcome, processing_time: this.clock.now().getTime() - started },
        this.clock.now().toISOString(),
      );
    const failure = (message: string) =>
      finish({
        status: 'FAILED',
        operation_status: 'FAILED',
        result: { message, done_count: 0, failed_count: 0, failed: [] },
      });

    const handler = ASYNC_ACTION_HANDLERS[action.type];
    const project = await this.store.projects.findById(projectId);
    if (!handler || !project) {
      await failure(handler ? 'The project no longer exists' : `No worker handles ${action.type}`);
      return;
    }
    if (action.attempts > MAX_ATTEMPTS) {
      await failure(`Gave up after ${MAX_ATTEMPTS} interrupted attempts`);
      return;
    }
    const ctx: JobContext = {
      project,
      store: this.store.forProject(projectId),
      clock: this.clock,
      ids: this.ids,
      work: this,
      requestId: action.request_id,
      reportProgress: (percent) =>
        this.store.asyncActionQueue.reportProgress(action.id, this.workerId, percent, this.clock.now().toISOString()),
    };
    try {
      const result = await handler(ctx, action.payload);
      await finish({
        status: 'DONE',
        operation_status: result.failed_count === 0 ? 'SUCCESS' : 'FAILED',
        result,
      });
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw error;
      this.options.logger?.error({ err: error, asyncActionId: action.id }, 'async action failed');
      // An AppError is meant for the client; anything else may hold internals and stays in the log.
      const message =
        error instanceof AppError
          ? `${error.message}${error.details ? `: ${error.details}` : ''}`
          : 'The action failed; the server log has the cause';
      await failure(message).catch(() => undefined);
    }
  }
}
