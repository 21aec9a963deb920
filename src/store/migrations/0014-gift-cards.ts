import type { Kysely } from 'kysely';

/**
 * Gift cards. A card's credits are counters on its voucher row, moved only by conditional
 * relative writes; until its first movement they are null and the card holds its `gift.amount`
 * (its own or its campaign template's), so generating a million codes writes no balances.
 * `gift_opening` is the balance the card had before its first movement: the ledger's amounts
 * add up from there to `gift_balance`, which is what `vouch doctor` checks. `gift_total` is the
 * lifetime credits (opening plus manual additions, minus removals).
 *
 * `voucher_transactions` is the append-only ledger: one row per movement, written in the same
 * transaction as the counter it moves, never updated nor deleted (but with its project).
 *
 * `exports` records a requested export: what and how (its parameters) and the token its download
 * link carries. The file itself is rendered from the ledger when it is downloaded.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('vouchers').addColumn('gift_opening', 'bigint').execute();
  await db.schema.alterTable('vouchers').addColumn('gift_total', 'bigint').execute();
  await db.schema.alterTable('vouchers').addColumn('gift_balance', 'bigint').execute();
  await db.schema
    .createTable('voucher_transactions')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('voucher_id', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('balance', 'bigint', (c) => c.notNull())
    .addColumn('total', 'bigint', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('source', 'text')
    .addColumn('reason', 'text')
    .addColumn('redemption_id', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('voucher_transactions_pk', ['project_id', 'id'])
    .execute();
  await db.schema
    .createIndex('voucher_transactions_voucher')
    .on('voucher_transactions')
    .columns(['project_id', 'voucher_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createTable('exports')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('exported_object', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('parameters', 'text', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('exports_pk', ['project_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('exports').execute();
  await db.schema.dropTable('voucher_transactions').execute();
  await db.schema.alterTable('vouchers').dropColumn('gift_balance').execute();
  await db.schema.alterTable('vouchers').dropColumn('gift_total').execute();
  await db.schema.alterTable('vouchers').dropColumn('gift_opening').execute();
}
