import type { Kysely } from 'kysely';

/**
 * What a reserved use would count against the validation rules once redeemed: the voucher's
 * campaign, the customer the session validated for and the order's amount. Counting rules add the
 * live reservations of other sessions to the redemptions they count, so a reserved use is as good
 * as taken for every limit (per customer, per day or month, a campaign's redemptions and amounts).
 * `gift_credits`: the credits of a gift card the session holds, which no one else can spend.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('validation_sessions').addColumn('campaign_id', 'text').execute();
  await db.schema.alterTable('validation_sessions').addColumn('customer_id', 'text').execute();
  await db.schema
    .alterTable('validation_sessions')
    .addColumn('order_amount', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('validation_sessions')
    .addColumn('gift_credits', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('validation_sessions_campaign')
    .on('validation_sessions')
    .columns(['project_id', 'campaign_id', 'expires_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('validation_sessions_campaign').execute();
  await db.schema.alterTable('validation_sessions').dropColumn('gift_credits').execute();
  await db.schema.alterTable('validation_sessions').dropColumn('order_amount').execute();
  await db.schema.alterTable('validation_sessions').dropColumn('customer_id').execute();
  await db.schema.alterTable('validation_sessions').dropColumn('campaign_id').execute();
}
