import type { AsyncAction } from '../../domain/async-actions/async-action.js';
import { invalidPayload } from '../../domain/errors.js';
import type { AsyncActionHandler } from '../async-actions/async-action-handler.js';
import { enqueueAsyncAction } from '../async-actions/enqueue-async-action.js';
import type { ProjectContext } from '../context.js';
import { readCsvRecords } from '../csv-file.js';
import { importVoucherRow } from './import-vouchers.js';
import { updateVoucher } from './update-voucher.js';
import { codeKeyIn } from './voucher-code.js';
import { type VoucherCsvRow, vouchersFromCsvRecords } from './voucher-csv.js';
import { applyVoucherRows, summarize } from './voucher-rows.js';

/** POST /vouchers/importCSV: the file is read now, so a malformed one is refused at once. */
export function importVouchersCsv(ctx: ProjectContext, csv: string): Promise<AsyncAction> {
  const rows = vouchersFromCsvRecords(readCsvRecords(csv), 'standalone');
  return enqueueAsyncAction(ctx, 'VOUCHERS.IMPORT_CSV', rows);
}

/** A new code is created; a code already in the project is updated with the row, as Voucherify's CSV import does. */
async function importCsvRow(ctx: ProjectContext, row: VoucherCsvRow): Promise<void> {
  if (row.problem !== undefined) throw invalidPayload(row.problem);
  const input = { ...row.fields, ...(row.type ? { type: row.type } : {}) };
  const existing = await ctx.store.vouchers.findByCodeKey(codeKeyIn(ctx.project, row.code));
  if (existing) {
    await updateVoucher(ctx, existing.code, input);
    return;
  }
  await importVoucherRow(ctx, { ...input, code: row.code }, row.redeemed_quantity);
}

export const runVouchersCsvImport: AsyncActionHandler = async (ctx, payload) => {
  const rows = payload as VoucherCsvRow[];
  const outcome = await applyVoucherRows(
    ctx,
    rows,
    (row) => importCsvRow(ctx, row),
    (row) => ({ ...(row.code ? { code: row.code } : {}), row: row.row }),
  );
  return { message: summarize(outcome.done_count, outcome.failed_count, 'imported'), ...outcome };
};
