import type { AsyncAction } from '../../domain/async-actions/async-action.js';
import { type CsvRow, type ProductCsvValue, productsFromCsvRecords } from '../../domain/products/product-csv.js';
import { type AsyncActionHandler, applyEachRow } from '../async-actions/async-action-handler.js';
import { enqueueAsyncAction } from '../async-actions/enqueue-async-action.js';
import type { ProjectContext } from '../context.js';
import { readCsvRecords } from '../csv-file.js';
import { describeCsvRow, explainRowFailure, failCsvRow } from './row-failures.js';
import { upsertProduct } from './upsert-product.js';

/** POST /products/importCSV: the file is read now, so a malformed one is refused at once. */
export function importProductsCsv(ctx: ProjectContext, csv: string): Promise<AsyncAction> {
  const rows = productsFromCsvRecords(readCsvRecords(csv));
  return enqueueAsyncAction(ctx, 'PRODUCTS.IMPORT_CSV', rows);
}

/** Each row upserts by source_id; a row that cannot be applied is reported and the rest go on. */
export const runProductsCsvImport: AsyncActionHandler = async (ctx, payload) => {
  const rows = payload as CsvRow<ProductCsvValue>[];
  const outcome = await applyEachRow(
    ctx,
    rows,
    async (row) => {
      if (row.problem !== undefined) throw failCsvRow(row.problem);
      const { value } = row;
      await explainRowFailure(() => ctx.store.transaction((store) => upsertProduct(store, ctx.clock, ctx.ids, value)));
    },
    describeCsvRow,
  );
  return { message: `${outcome.done_count} product(s) imported`, ...outcome };
};
