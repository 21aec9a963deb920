import type { Kysely } from 'kysely';
import type { ApiKey, ApiKeyRepository } from '../../app/repositories/api-key-repository.js';
import type { Database } from '../tables.js';

export class KyselyApiKeyRepository implements ApiKeyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findByAppId(appId: string): Promise<ApiKey | undefined> {
    return this.db.selectFrom('api_keys').selectAll().where('app_id', '=', appId).executeTakeFirst();
  }

  async insert(key: ApiKey): Promise<void> {
    await this.db.insertInto('api_keys').values(key).execute();
  }

  async listForProject(projectId: string): Promise<ApiKey[]> {
    return this.db
      .selectFrom('api_keys')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  async replaceSecretHash(id: string, secretHash: string): Promise<void> {
    await this.db.updateTable('api_keys').set({ secret_hash: secretHash }).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('api_keys').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
