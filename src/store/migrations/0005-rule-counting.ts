import type { Kysely } from 'kysely';

/**
 * Rules at validation and redemption. Counting rules count a campaign's standing redemptions,
 * today's or this month's among them, from the index alone: by campaign, kind, status and time,
 * so "today" reads today's entries, not the campaign's whole history. The new index starts with
 * the old campaign index's columns, so that one goes. A rule's revision tells a process its compiled copy is stale without reading the rule.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
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
