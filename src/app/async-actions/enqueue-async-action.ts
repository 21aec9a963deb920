import type { AsyncAction, AsyncActionType } from '../../domain/async-actions/async-action.js';
import type { ProjectContext } from '../context.js';

/** Queues a bulk job and answers at once; a worker carries it out after the commit. */
export async function enqueueAsyncAction(
  ctx: ProjectContext,
  type: AsyncActionType,
  payload: unknown,
): Promise<AsyncAction> {
  const action: AsyncAction = {
    id: ctx.ids.newId('aa_'),
    type,
    status: 'ENQUEUED',
    operation_status: null,
    payload,
    result: null,
    progress: 0,
    processing_time: null,
    request_id: ctx.requestId,
    attempts: 0,
    created_at: ctx.clock.now().toISOString(),
    updated_at: null,
  };
  await ctx.store.asyncActions.insert(action);
  ctx.work.wake();
  return action;
}
