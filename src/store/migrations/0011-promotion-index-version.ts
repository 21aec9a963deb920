import type { Kysely } from 'kysely';

/**
 * One row per project counting the changes to what the in-memory index of active promotion tiers
 * holds (tiers, PROMOTION campaigns, their rules and assignments). Every such write raises it in
 * its own transaction; each process reads it by primary key per request and rebuilds its index
 * only when it moved. A project without a row is at version 0.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('promotion_index_versions')
    .addColumn('project_id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('promotion_index_versions').execute();
}
