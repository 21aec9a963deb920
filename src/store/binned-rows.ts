import type { Kysely } from 'kysely';
import type { Database } from './tables.js';

/**
 * Tables whose rows go to the bin first (`deleted_at` set, the source_id, code or name still
 * taken) and are removed only when deleted with force, as Voucherify's bin works.
 */
export type BinnedTable = 'products' | 'skus' | 'campaigns' | 'vouchers';

/** Bins a live row of the project; answers whether there was one. */
export async function moveRowToBin(
  db: Kysely<Database>,
  table: BinnedTable,
  projectId: string,
  id: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable(table)
    .set({ deleted_at: now })
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Removes a row of the project for good, live or binned; answers whether there was one. */
export async function deleteRowForGood(
  db: Kysely<Database>,
  table: BinnedTable,
  projectId: string,
  id: string,
): Promise<boolean> {
  const result = await db.deleteFrom(table).where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
