import type { Kysely } from 'kysely';

/** Validation rules and what they are assigned to (vouchers, campaigns, promotion tiers, ...). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('validation_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('bundle_rules', 'text')
    .addColumn('error', 'text')
    .addColumn('applicable_to', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('context_type', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text')
    .execute();
  await db.schema
    .createIndex('validation_rules_created')
    .on('validation_rules')
    .columns(['project_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('validation_rules_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('related_object_type', 'text', (c) => c.notNull())
    .addColumn('related_object_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('validation_rules_assignments_target', [
      'project_id',
      'rule_id',
      'related_object_type',
      'related_object_id',
    ])
    .execute();
  // Validation and redemption look a voucher's or campaign's rules up by the object.
  await db.schema
    .createIndex('validation_rules_assignments_object')
    .on('validation_rules_assignments')
    .columns(['project_id', 'related_object_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('validation_rules_assignments').execute();
  await db.schema.dropTable('validation_rules').execute();
}
