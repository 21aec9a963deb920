import type { Kysely } from 'kysely';

/** A project's stacking rules: at most one row per project; a project without one has the defaults. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stacking_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Unique: of two concurrent creates one inserts, the other finds the row and answers 409.
    .addColumn('project_id', 'text', (c) => c.notNull().unique())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('stacking_rules').execute();
}
