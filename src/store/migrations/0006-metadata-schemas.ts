import type { Kysely } from 'kysely';

/** Metadata schemas: at most one per resource name in a project, looked up by that name on every write. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('metadata_schemas')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('related_object', 'text', (c) => c.notNull())
    .addColumn('properties', 'text', (c) => c.notNull())
    .addColumn('allow_defined_only', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text')
    // Also the index every metadata check reads through.
    .addUniqueConstraint('metadata_schemas_related_object', ['project_id', 'related_object'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('metadata_schemas').execute();
}
