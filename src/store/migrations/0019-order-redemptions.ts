import type { Kysely } from 'kysely';

/**
 * An order's redemptions, found by its id: every order the API answers lists them, and a page of
 * orders asks for all of its orders' redemptions at once, which without this index scans the
 * project's redemptions.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('redemptions_order').on('redemptions').columns(['project_id', 'order_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('redemptions_order').execute();
}
