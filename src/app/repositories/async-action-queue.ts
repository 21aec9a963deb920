import type { AsyncAction } from '../../domain/async-actions/async-action.js';

/** An async action taken by a worker, with the project it belongs to. */
export interface ClaimedAsyncAction {
  projectId: string;
  action: AsyncAction;
}

/**
 * The queue every worker shares. A claim is a lease: if a worker dies mid-job the lease runs out
 * and another worker takes the action again.
 */
export interface AsyncActionQueue {
  claimNext(workerId: string, now: string, leaseUntil: string): Promise<ClaimedAsyncAction | undefined>;
  reportProgress(id: string, workerId: string, progress: number, now: string): Promise<void>;
  /** Records the outcome; answers false when the lease was lost to another worker meanwhile. */
  finish(
    id: string,
    workerId: string,
    outcome: Pick<AsyncAction, 'status' | 'operation_status' | 'result' | 'processing_time'>,
    now: string,
  ): Promise<boolean>;
}
