import type { AsyncAction } from '../../domain/async-actions/async-action.js';
import { type CsvRow, type SkuCsvValue, skusFromCsvRecords } from '../../domain/products/product-csv.js';
import { type AsyncActionHandler, applyEachRow } from '../async-actions/async-action-handler.js';
import { enqueueAsyncAction } from '../async-actions/enqueue-async-action.js';
import type { ProjectContext } from '../context.js';
import { readCsvRecords } from '../csv-file.js';
import { getProductByRef } from './product-refs.js';
import { describeCsvRow, explainRowFailure, failCsvRow } from './row-failures.js';
import { upsertSku } from './upsert-sku.js';

/** POST /skus/importCSV: the file is read now, so a malformed one is refused at once. */
export function importSkusCsv(ctx: ProjectContext, csv: string): Promise<AsyncAction> {
  const rows = skusFromCsvRecords(readCsvRecords(csv));
  return enqueueAsyncAction(ctx, 'SKUS.IMPORT_CSV', rows);
}

/**
 * Each row names its product by id or source_id and upserts the SKU by source_id; products are
 * imported first, as Voucherify asks. A row that cannot be applied is reported and the rest go on.
 */
export const runSkusCsvImport: AsyncActionHandler = async (ctx, payload) => {
  const rows = payload as CsvRow<SkuCsvValue>[];
  const outcome = await applyEachRow(
    ctx,
    rows,
    async (row) => {
      if (row.problem !== undefined) throw failCsvRow(row.problem);
      const { product_ref: productRef, changes } = row.value;
      await explainRowFailure(() =>
        ctx.store.transaction(async (store) => {
          const product = await getProductByRef(store, productRef);
          await upsertSku(store, ctx.clock, ctx.ids, product, changes);
        }),
      );
    },
    describeCsvRow,
  );
  return { message: `${outcome.done_count} sku(s) imported`, ...outcome };
};
