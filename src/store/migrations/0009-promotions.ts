import type { Kysely } from 'kysely';

/** Promotion tiers of PROMOTION campaigns, with their redemption counters, and promotion stacks. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('promotion_tiers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('banner', 'text')
    .addColumn('discount', 'text', (c) => c.notNull())
    .addColumn('metadata', 'text', (c) => c.notNull())
    .addColumn('hierarchy', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('start_date', 'text')
    .addColumn('expiration_date', 'text')
    .addColumn('validity_timeframe', 'text')
    .addColumn('validity_day_of_week', 'text')
    .addColumn('validity_hours', 'text')
    .addColumn('category_id', 'text')
    // Raised and lowered by redemption and rollback with atomic updates, never read-modify-write.
    .addColumn('redeemed_quantity', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('orders_total_amount', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('orders_total_discount_amount', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text')
    .execute();
  await db.schema
    .createIndex('promotion_tiers_created')
    .on('promotion_tiers')
    .columns(['project_id', 'created_at', 'id'])
    .execute();
  // A campaign's tiers are read with the campaign and at every promotion validation.
  await db.schema
    .createIndex('promotion_tiers_campaign')
    .on('promotion_tiers')
    .columns(['project_id', 'campaign_id', 'hierarchy'])
    .execute();

  await db.schema
    .createTable('promotion_stacks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('tier_ids', 'text', (c) => c.notNull())
    .addColumn('hierarchy_mode', 'text', (c) => c.notNull())
    .addColumn('category_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text')
    .execute();
  await db.schema
    .createIndex('promotion_stacks_created')
    .on('promotion_stacks')
    .columns(['project_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('promotion_stacks_campaign')
    .on('promotion_stacks')
    .columns(['project_id', 'campaign_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('promotion_stacks').execute();
  await db.schema.dropTable('promotion_tiers').execute();
}
