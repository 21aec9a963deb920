import { type Kysely, sql } from 'kysely';

/**
 * What rules read at validation and redemption:
 * - a campaign's standing redemptions and their orders' amounts, as counters on the campaign
 *   (each redemption keeps the amount of the order it was made with), backfilled here;
 * - today's or this month's redemptions of a campaign, counted from an index on campaign, kind,
 *   status and time, which also replaces the old campaign index (it starts with its columns);
 * - a rule's revision, which tells a process its compiled copy is stale without reading the rule.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('redemptions').addColumn('order_amount', 'bigint').execute();
  await sql`update redemptions set order_amount = (
    select o.amount from orders o where o.project_id = redemptions.project_id and o.id = redemptions.order_id
  ) where order_id is not null`.execute(db);
  await db.schema
    .alterTable('campaigns')
    .addColumn('redemptions_count', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('campaigns')
    .addColumn('orders_amount', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update campaigns set
    redemptions_count = (
      select count(*) from redemptions r where r.project_id = campaigns.project_id and r.campaign_id = campaigns.id
        and r.object = 'redemption' and r.status = 'SUCCEEDED'),
    orders_amount = (
      select coalesce(sum(r.order_amount), 0) from redemptions r where r.project_id = campaigns.project_id
        and r.campaign_id = campaigns.id and r.object = 'redemption' and r.status = 'SUCCEEDED')`.execute(db);
  await db.schema
    .alterTable('validation_rules')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('redemptions_campaign_created')
    .on('redemptions')
    .columns(['project_id', 'campaign_id', 'object', 'status', 'created_at'])
    .execute();
  await db.schema.dropIndex('redemptions_campaign').execute();
  // A tier's daily and monthly counts: its redemptions by time.
  await db.schema
    .createIndex('redemptions_related_object')
    .on('redemptions')
    .columns(['project_id', 'related_object_id', 'created_at'])
    .execute();
  // Every validation looks up the rules of a voucher and its campaign: answered from the index alone.
  await db.schema
    .createIndex('validation_rules_assignments_lookup')
    .on('validation_rules_assignments')
    .columns(['project_id', 'related_object_id', 'created_at', 'id', 'rule_id', 'related_object_type'])
    .execute();
  await db.schema.dropIndex('validation_rules_assignments_object').execute();
  await db.schema
    .createIndex('validation_rules_revision')
    .on('validation_rules')
    .columns(['id', 'project_id', 'revision'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('redemptions_related_object').execute();
  await db.schema.alterTable('campaigns').dropColumn('orders_amount').execute();
  await db.schema.alterTable('campaigns').dropColumn('redemptions_count').execute();
  await db.schema.alterTable('redemptions').dropColumn('order_amount').execute();
  await db.schema
    .createIndex('validation_rules_assignments_object')
    .on('validation_rules_assignments')
    .columns(['project_id', 'related_object_id'])
    .execute();
  await db.schema.dropIndex('validation_rules_assignments_lookup').execute();
  await db.schema.alterTable('validation_rules').dropColumn('revision').execute();
  await db.schema
    .createIndex('redemptions_campaign')
    .on('redemptions')
    .columns(['project_id', 'campaign_id'])
    .execute();
  await db.schema.dropIndex('redemptions_campaign_created').execute();
}
