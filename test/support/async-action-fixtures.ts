import { randomIds } from '../../src/app/random-ids.js';
import type { AsyncAction } from '../../src/domain/async-actions/async-action.js';

/** A queued bulk update, as enqueueAsyncAction would store it. */
export function queuedAsyncAction(overrides: Partial<AsyncAction> = {}): AsyncAction {
  return {
    id: randomIds.newId('aa_'),
    type: 'CUSTOMERS.BULK_UPDATE',
    status: 'ENQUEUED',
    operation_status: null,
    payload: [],
    result: null,
    progress: 0,
    processing_time: null,
    request_id: null,
    attempts: 0,
    created_at: '2026-03-01T10:00:00.000Z',
    updated_at: null,
    ...overrides,
  };
}
