import type { Kysely } from 'kysely';
import type { OutboxEvent, OutboxRepository } from '../../app/repositories/outbox-repository.js';
import { fromJson, toJson } from '../json-columns.js';
import { PreparedQuery } from '../prepared-query.js';
import type { Database, OutboxTable } from '../tables.js';

/** Each redemption, rollback and customer change writes its event here, in its own transaction. */
const insertOne = new PreparedQuery((db, row: OutboxTable) => db.insertInto('outbox').values(row));

export class KyselyOutboxRepository implements OutboxRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly projectId: string,
  ) {}

  async add(event: OutboxEvent): Promise<void> {
    await insertOne.rows(this.db, {
      ...event,
      project_id: this.projectId,
      payload: toJson(event.payload),
      published_at: null,
    });
  }

  async listPending(limit: number): Promise<OutboxEvent[]> {
    const rows = await this.db
      .selectFrom('outbox')
      .select(['id', 'type', 'payload', 'created_at'])
      .where('project_id', '=', this.projectId)
      .where('published_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((row) => ({ ...row, payload: fromJson<unknown>(row.payload, null) }));
  }
}
