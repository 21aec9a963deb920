import type { Kysely } from 'kysely';

/** Customer segments and who is in them. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('segments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('filter', 'text')
    // IN_PROGRESS until a filtered segment's first pass over every customer ends; the sweeper resumes a stalled one.
    .addColumn('initial_sync_status', 'text', (c) => c.notNull().defaultTo('DONE'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text')
    .execute();
  await db.schema.createIndex('segments_created').on('segments').columns(['project_id', 'created_at', 'id']).execute();
  // Every customer write asks for the project's filtered segments: one indexed lookup, empty for most projects.
  await db.schema.createIndex('segments_type').on('segments').columns(['project_id', 'type']).execute();

  // The unique row decides who enters a customer: of two concurrent inserts one wins and reports it.
  await db.schema
    .createTable('segment_members')
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('segment_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('segment_members_pk', ['project_id', 'segment_id', 'customer_id'])
    .execute();
  await db.schema
    .createIndex('segment_members_customer')
    .on('segment_members')
    .columns(['project_id', 'customer_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('segment_members').execute();
  await db.schema.dropTable('segments').execute();
}
