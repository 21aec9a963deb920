import type { Kysely } from 'kysely';
import type { OutboxEvent, OutboxRepository } from '../../app/repositories/outbox-repository.js';
import { fromJson, toJson } from '../json-columns.js';
import type { Database } from '../tables.js';

export class KyselyOutboxRepository implements OutboxRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly projectId: string,
  ) {}

  async add(event: OutboxEvent): Promise<void> {
    await this.db
      .insertInto('outbox')
      .values({ ...event, project_id: this.projectId, payload: toJson(event.payload), published_at: null })
      .execute();
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
