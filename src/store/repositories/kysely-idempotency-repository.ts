import type { Kysely } from 'kysely';
import type { IdempotencyRepository, StoredResponse } from '../../app/repositories/idempotency-repository.js';
import { fromJson, toJson } from '../json-columns.js';
import type { Database } from '../tables.js';

export class KyselyIdempotencyRepository implements IdempotencyRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly projectId: string,
  ) {}

  async find(scope: string, key: string): Promise<StoredResponse | undefined> {
    const row = await this.db
      .selectFrom('idempotency_keys')
      .select(['fingerprint', 'status_code', 'response'])
      .where('project_id', '=', this.projectId)
      .where('scope', '=', scope)
      .where('key', '=', key)
      .executeTakeFirst();
    return row && { ...row, response: fromJson<unknown>(row.response, null) };
  }

  async claim(scope: string, key: string, fingerprint: string, now: string): Promise<boolean> {
    const result = await this.db
      .insertInto('idempotency_keys')
      .values({
        project_id: this.projectId,
        scope,
        key,
        fingerprint,
        status_code: 0,
        response: 'null',
        created_at: now,
      })
      .onConflict((oc) => oc.columns(['project_id', 'scope', 'key']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async complete(scope: string, key: string, statusCode: number, response: unknown): Promise<void> {
    await this.db
      .updateTable('idempotency_keys')
      .set({ status_code: statusCode, response: toJson(response) })
      .where('project_id', '=', this.projectId)
      .where('scope', '=', scope)
      .where('key', '=', key)
      .execute();
  }
}
