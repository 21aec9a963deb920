import type { AsyncAction } from '../../domain/async-actions/async-action.js';
import { type CustomerCsvRow, customersFromCsvRecords } from '../../domain/customers/customer-csv.js';
import { type AsyncActionHandler, applyEachRow } from '../async-actions/async-action-handler.js';
import { enqueueAsyncAction } from '../async-actions/enqueue-async-action.js';
import type { ProjectContext } from '../context.js';
import { readCsvRecords } from '../csv-file.js';
import { upsertCustomer } from './upsert-customer.js';

/** POST /customers/importCSV: the file is read now, so a malformed one is refused at once. */
export function importCustomersCsv(ctx: ProjectContext, csv: string): Promise<AsyncAction> {
  const rows = customersFromCsvRecords(readCsvRecords(csv));
  return enqueueAsyncAction(ctx, 'CUSTOMERS.IMPORT_CSV', rows);
}

export const runCustomersCsvImport: AsyncActionHandler = async (ctx, payload) => {
  const rows = payload as CustomerCsvRow[];
  const outcome = await applyEachRow(
    ctx,
    rows,
    (row) => ctx.store.transaction(async (store) => void (await upsertCustomer(store, ctx.clock, ctx.ids, row))),
    (row, index) => ({ row: index + 2, ...(row.source_id ? { source_id: row.source_id } : {}) }),
  );
  return { message: `${outcome.done_count} customer(s) imported`, ...outcome };
};
