import type { Kysely } from 'kysely';

/**
 * The uses a voucher arrived with when imported (CSV "Redeemed Quantity", or an import body's
 * `redemption.redeemed_quantity`): no redemption row stands behind them, so `vouch doctor`
 * counts them beside the rows when it checks `redeemed_quantity`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('vouchers')
    .addColumn('imported_redeemed_quantity', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('vouchers').dropColumn('imported_redeemed_quantity').execute();
}
