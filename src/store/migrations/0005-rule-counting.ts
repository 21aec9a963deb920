import type { Kysely } from 'kysely';

/**
 * Counting rules count a campaign's redemptions, today's or this month's among them: by
 * campaign and time, so "today" reads today's rows, not the campaign's whole history. The new
 * index starts with the old campaign index's columns, so that one goes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('redemptions_campaign_created')
    .on('redemptions')
    .columns(['project_id', 'campaign_id', 'created_at'])
    .execute();
  await db.schema.dropIndex('redemptions_campaign').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('redemptions_campaign')
    .on('redemptions')
    .columns(['project_id', 'campaign_id'])
    .execute();
  await db.schema.dropIndex('redemptions_campaign_created').execute();
}
