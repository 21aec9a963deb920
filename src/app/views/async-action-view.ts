import type { AsyncAction } from '../../domain/async-actions/async-action.js';

/** The async action as `GET /v1/async-actions/{id}` shows it; the list leaves out `result`. */
export function toAsyncActionObject(action: AsyncAction, options: { withResult: boolean } = { withResult: true }) {
  return {
    id: action.id,
    type: action.type,
    status: action.status,
    operation_status: action.operation_status ?? 'UNKNOWN',
    created_at: action.created_at,
    updated_at: action.updated_at,
    request_id: action.request_id,
    processing_time: action.processing_time,
    progress: action.progress,
    ...(options.withResult ? { result: action.result } : {}),
    object: 'async_action' as const,
  };
}

/** The 202 answer of every endpoint that queues work. */
export function toAsyncActionCreated(action: AsyncAction) {
  return { async_action_id: action.id };
}
