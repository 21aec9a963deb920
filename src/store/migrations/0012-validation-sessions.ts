import type { Kysely } from 'kysely';

/**
 * Validation sessions (LOCK): each row reserves one use of a voucher under a session key until
 * it expires. `vouchers.reserved_until` is the latest expiry any session ever gave the voucher:
 * while it lies in the past (or is null, as for almost every voucher) no reservation can hold,
 * and validations and redemptions skip counting them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('validation_sessions')
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('session_key', 'text', (c) => c.notNull())
    .addColumn('voucher_id', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('validation_sessions_pk', ['project_id', 'session_key', 'voucher_id'])
    .execute();
  await db.schema
    .createIndex('validation_sessions_voucher')
    .on('validation_sessions')
    .columns(['project_id', 'voucher_id', 'expires_at'])
    .execute();
  await db.schema.alterTable('vouchers').addColumn('reserved_until', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('vouchers').dropColumn('reserved_until').execute();
  await db.schema.dropTable('validation_sessions').execute();
}
