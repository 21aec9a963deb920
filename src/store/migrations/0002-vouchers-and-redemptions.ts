import type { Kysely } from 'kysely';

/**
 * Campaigns, vouchers, redemptions (and their rollbacks), the transactional outbox and
 * idempotency keys. A campaign's vouchers keep only what differs from the campaign's voucher
 * template (null columns inherit it), so a million generated codes are a million small rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('campaign_type', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('voucher', 'text', (c) => c.notNull())
    .addColumn('auto_join', 'integer', (c) => c.notNull())
    .addColumn('join_once', 'integer', (c) => c.notNull())
    .addColumn('use_voucher_metadata_schema', 'integer', (c) => c.notNull())
    .addColumn('start_date', 'text')
    .addColumn('expiration_date', 'text')
    .addColumn('validity_timeframe', 'text')
    .addColumn('validity_day_of_week', 'text')
    .addColumn('validity_hours', 'text')
    .addColumn('activity_duration_after_publishing', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('metadata', 'text', (c) => c.notNull())
    .addColumn('category_id', 'text')
    .addColumn('vouchers_count', 'bigint', (c) => c.notNull())
    .addColumn('vouchers_generation_status', 'text', (c) => c.notNull())
    .addColumn('protected', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text')
    // Set when the campaign is moved to the bin; its name (and its codes) stay taken until it is
    // deleted for good, as with products.
    .addColumn('deleted_at', 'text')
    .addUniqueConstraint('campaigns_name', ['project_id', 'name'])
    .execute();
  await db.schema
    .createIndex('campaigns_created')
    .on('campaigns')
    .columns(['project_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('vouchers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    // The code as compared: itself, or lower-cased in projects whose codes are case-insensitive.
    .addColumn('code_key', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text')
    .addColumn('category_id', 'text')
    .addColumn('type', 'text')
    .addColumn('discount', 'text')
    .addColumn('gift', 'text')
    .addColumn('loyalty_card', 'text')
    .addColumn('start_date', 'text')
    .addColumn('expiration_date', 'text')
    .addColumn('validity_timeframe', 'text')
    .addColumn('validity_day_of_week', 'text')
    .addColumn('validity_hours', 'text')
    .addColumn('active', 'integer')
    .addColumn('additional_info', 'text')
    .addColumn('metadata', 'text')
    .addColumn('is_referral_code', 'integer')
    .addColumn('holder_id', 'text')
    .addColumn('referrer_id', 'text')
    .addColumn('redemption_quantity', 'bigint')
    .addColumn('redeemed_quantity', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('publish_count', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text')
    .addColumn('deleted_at', 'text')
    .addUniqueConstraint('vouchers_code', ['project_id', 'code_key'])
    .execute();
  await db.schema.createIndex('vouchers_created').on('vouchers').columns(['project_id', 'created_at', 'id']).execute();
  await db.schema
    .createIndex('vouchers_campaign')
    .on('vouchers')
    .columns(['project_id', 'campaign_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('redemptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('object', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text')
    .addColumn('tracking_id', 'text')
    .addColumn('metadata', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('discount_amount', 'bigint', (c) => c.notNull())
    .addColumn('order_id', 'text')
    .addColumn('voucher_id', 'text')
    .addColumn('voucher_code', 'text')
    .addColumn('campaign_id', 'text')
    .addColumn('related_object_type', 'text', (c) => c.notNull())
    .addColumn('related_object_id', 'text')
    .addColumn('parent_id', 'text')
    .addColumn('rollback_of', 'text')
    // On a redemption that was rolled back: the rollback's id.
    .addColumn('rollback_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('failure_code', 'text')
    .addColumn('failure_message', 'text')
    .addColumn('channel_type', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text')
    .addColumn('session_key', 'text')
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text')
    .execute();
  await db.schema
    .createIndex('redemptions_created')
    .on('redemptions')
    .columns(['project_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('redemptions_voucher')
    .on('redemptions')
    .columns(['project_id', 'voucher_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('redemptions_campaign')
    .on('redemptions')
    .columns(['project_id', 'campaign_id'])
    .execute();
  await db.schema
    .createIndex('redemptions_customer')
    .on('redemptions')
    .columns(['project_id', 'customer_id'])
    .execute();
  // Every index is a page a redemption writes: a rollback is found through its redemption's
  // rollback_id, and one rollback per redemption is kept by markRolledBack's conditional write.

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .execute();
  await db.schema.createIndex('outbox_pending').on('outbox').columns(['published_at', 'created_at']).execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['project_id', 'scope', 'key'])
    .execute();
}
