import type { Kysely } from 'kysely';

/**
 * Referral programs. `campaigns.referral_program` holds a REFERRAL_PROGRAM campaign's program
 * (JSON), null for every other campaign.
 *
 * `referral_holders` links a referee to the referral code that referred them: one row per
 * customer per referral campaign (the unique index), so a customer is referred once per campaign
 * whatever the races. The referrer is the code's holder (vouchers.holder_id) and has no row.
 *
 * `referral_conversions` is one row per conversion: its unique index (a referee converts once per
 * campaign) is what grants a referrer reward exactly once, however often the conversion is retried
 * or raced. The row records what was granted, so a rollback takes exactly that back, and is deleted
 * with it (a later redemption may convert again).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('campaigns').addColumn('referral_program', 'text').execute();
  await db.schema
    .createTable('referral_holders')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('voucher_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('referrer_id', 'text')
    .addColumn('holder_role', 'text', (c) => c.notNull())
    .addColumn('related_object_type', 'text')
    .addColumn('related_object_id', 'text')
    .addColumn('metadata', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('referral_holders_pk', ['project_id', 'id'])
    .execute();
  await db.schema
    .createIndex('referral_holders_referee')
    .on('referral_holders')
    .columns(['project_id', 'campaign_id', 'customer_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('referral_holders_voucher')
    .on('referral_holders')
    .columns(['project_id', 'voucher_id', 'id'])
    .execute();
  await db.schema
    .createIndex('referral_holders_customer')
    .on('referral_holders')
    .columns(['project_id', 'customer_id'])
    .execute();
  await db.schema
    .createTable('referral_conversions')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('voucher_id', 'text', (c) => c.notNull())
    .addColumn('referrer_id', 'text', (c) => c.notNull())
    .addColumn('referee_id', 'text', (c) => c.notNull())
    .addColumn('redemption_id', 'text')
    .addColumn('event_id', 'text')
    .addColumn('reward', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('referral_conversions_pk', ['project_id', 'id'])
    .execute();
  await db.schema
    .createIndex('referral_conversions_once')
    .on('referral_conversions')
    .columns(['project_id', 'campaign_id', 'referee_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('referral_conversions_redemption')
    .on('referral_conversions')
    .columns(['project_id', 'redemption_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('referral_conversions').execute();
  await db.schema.dropTable('referral_holders').execute();
  await db.schema.alterTable('campaigns').dropColumn('referral_program').execute();
}
