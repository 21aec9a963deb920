import type { Kysely } from 'kysely';
import type { SystemStateRepository } from '../../app/repositories/system-state-repository.js';
import type { Database } from '../tables.js';

export class KyselySystemStateRepository implements SystemStateRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(key: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('system_state').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value;
  }

  async claim(key: string, value: string, now: string): Promise<boolean> {
    const result = await this.db
      .insertInto('system_state')
      .values({ key, value, created_at: now })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }
}
