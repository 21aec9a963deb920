import type { Kysely } from 'kysely';

/** Custom events a shop tracks for its customers (`POST /v1/events`), kept for segments, rules and activities. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('custom_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('metadata', 'text', (c) => c.notNull())
    .addColumn('referral', 'text')
    .addColumn('loyalty', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // Rules and segments count one customer's events of one name since a moment; activities list a
  // customer's events by time through the same index's (project_id, customer_id) prefix.
  await db.schema
    .createIndex('custom_events_customer')
    .on('custom_events')
    .columns(['project_id', 'customer_id', 'event', 'created_at'])
    .execute();
  // The segment sweep asks which customers sent an event within a time window.
  await db.schema
    .createIndex('custom_events_recent')
    .on('custom_events')
    .columns(['project_id', 'event', 'created_at', 'customer_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('custom_events').execute();
}
