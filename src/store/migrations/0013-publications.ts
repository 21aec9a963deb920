import { type Kysely, sql } from 'kysely';

/**
 * Publications: codes handed to customers. A publication's `source_id` is unique per project
 * among successful ones (a failed attempt may be retried under the same source_id), which is
 * what makes parallel requests with one source_id publish once. The vouchers index serves
 * customers' wallets: a holder's codes, newest first, paged by (created_at, id).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('publications')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('tracking_id', 'text')
    .addColumn('campaign_id', 'text')
    .addColumn('campaign_name', 'text')
    .addColumn('voucher_ids', 'text', (c) => c.notNull())
    .addColumn('voucher_codes', 'text', (c) => c.notNull())
    .addColumn('first_code', 'text')
    .addColumn('voucher_type', 'text')
    .addColumn('is_referral_code', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('metadata', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('failure_code', 'text')
    .addColumn('failure_message', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('publications_pk', ['project_id', 'id'])
    .execute();
  await db.schema
    .createIndex('publications_source_id')
    .on('publications')
    .columns(['project_id', 'source_id'])
    .unique()
    .where(sql<boolean>`source_id is not null and result = 'SUCCESS'`)
    .execute();
  await db.schema
    .createIndex('publications_created')
    .on('publications')
    .columns(['project_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('publications_customer')
    .on('publications')
    .columns(['project_id', 'customer_id', 'campaign_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('publications_campaign')
    .on('publications')
    .columns(['project_id', 'campaign_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('publications_code')
    .on('publications')
    .columns(['project_id', 'first_code', 'created_at'])
    .execute();
  await db.schema
    .createIndex('vouchers_holder')
    .on('vouchers')
    .columns(['project_id', 'holder_id', 'created_at', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('vouchers_holder').execute();
  await db.schema.dropTable('publications').execute();
}
