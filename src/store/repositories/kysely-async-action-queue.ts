import type { Kysely } from 'kysely';
import type { AsyncActionQueue, ClaimedAsyncAction } from '../../app/repositories/async-action-queue.js';
import type { AsyncAction } from '../../domain/async-actions/async-action.js';
import type { DialectCapabilities } from '../dialects/capabilities.js';
import { toJson } from '../json-columns.js';
import type { Database } from '../tables.js';
import { toAsyncAction } from './kysely-async-action-repository.js';

export class KyselyAsyncActionQueue implements AsyncActionQueue {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly capabilities: DialectCapabilities,
  ) {}

  async claimNext(workerId: string, now: string, leaseUntil: string): Promise<ClaimedAsyncAction | undefined> {
    // One conditional UPDATE takes the oldest waiting action (or one whose worker's lease ran
    // out), so two workers never run the same action at once.
    let next = this.db
      .selectFrom('async_actions')
      .select('id')
      .where((eb) =>
        eb.or([eb('status', '=', 'ENQUEUED'), eb.and([eb('status', '=', 'IN_PROGRESS'), eb('lease_until', '<', now)])]),
      )
      .orderBy('created_at')
      .orderBy('id')
      .limit(1);
    if (this.capabilities.supportsSkipLocked) next = next.forUpdate().skipLocked();
    const row = await this.db
      .updateTable('async_actions')
      .set((eb) => ({
        status: 'IN_PROGRESS',
        claimed_by: workerId,
        lease_until: leaseUntil,
        attempts: eb('attempts', '+', 1),
        updated_at: now,
      }))
      .where('id', '=', (eb) => eb.selectFrom(next.as('next')).select('next.id'))
      .returningAll()
      .executeTakeFirst();
    return row && { projectId: row.project_id, action: toAsyncAction(row) };
  }

  async reportProgress(id: string, workerId: string, progress: number, now: string): Promise<void> {
    await this.db
      .updateTable('async_actions')
      .set({ progress, updated_at: now })
      .where('id', '=', id)
      .where('claimed_by', '=', workerId)
      .execute();
  }

  async finish(
    id: string,
    workerId: string,
    outcome: Pick<AsyncAction, 'status' | 'operation_status' | 'result' | 'processing_time'>,
    now: string,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('async_actions')
      .set({
        status: outcome.status,
        operation_status: outcome.operation_status,
        result: outcome.result === null ? null : toJson(outcome.result),
        processing_time: outcome.processing_time,
        progress: 100,
        lease_until: null,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('claimed_by', '=', workerId)
      .where('status', '=', 'IN_PROGRESS')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
