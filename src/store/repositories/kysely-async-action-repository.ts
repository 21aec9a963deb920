import type { Kysely, Selectable } from 'kysely';
import type { AsyncActionRepository } from '../../app/repositories/async-action-repository.js';
import type { AsyncAction, AsyncActionResult, AsyncActionType } from '../../domain/async-actions/async-action.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import { fromJson, toJson } from '../json-columns.js';
import { fetchPage } from '../list-pages.js';
import type { AsyncActionsTable, Database } from '../tables.js';

export function toAsyncAction(row: Selectable<AsyncActionsTable>): AsyncAction {
  return {
    id: row.id,
    type: row.type as AsyncActionType,
    status: row.status,
    operation_status: row.operation_status,
    payload: fromJson<unknown>(row.payload, null),
    result: fromJson<AsyncActionResult | null>(row.result, null),
    progress: row.progress,
    processing_time: row.processing_time,
    request_id: row.request_id,
    attempts: row.attempts,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export class KyselyAsyncActionRepository implements AsyncActionRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly projectId: string,
  ) {}

  private scoped() {
    return this.db.selectFrom('async_actions').selectAll().where('project_id', '=', this.projectId);
  }

  async findById(id: string): Promise<AsyncAction | undefined> {
    const row = await this.scoped().where('id', '=', id).executeTakeFirst();
    return row && toAsyncAction(row);
  }

  async insert(action: AsyncAction): Promise<void> {
    await this.db
      .insertInto('async_actions')
      .values({
        id: action.id,
        project_id: this.projectId,
        type: action.type,
        status: action.status,
        operation_status: action.operation_status,
        payload: toJson(action.payload),
        result: action.result === null ? null : toJson(action.result),
        progress: action.progress,
        processing_time: action.processing_time,
        request_id: action.request_id,
        claimed_by: null,
        lease_until: null,
        attempts: action.attempts,
        created_at: action.created_at,
        updated_at: action.updated_at,
      })
      .execute();
  }

  async list(query: ListQuery): Promise<ListPage<AsyncAction>> {
    const page = await fetchPage(this.scoped(), query, {
      sortColumns: { created_at: 'created_at' },
      countTotal: false,
    });
    return { ...page, items: page.items.map(toAsyncAction) };
  }
}
