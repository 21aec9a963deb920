import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { notFound } from '../../domain/errors.js';
import type { ProjectContext } from '../context.js';
import { renderTransactionExport } from '../gift-cards/export-gift-transactions.js';
import type { VoucherAssetLinks } from '../views/voucher-view.js';
import { getExport } from './find-export.js';
import { voucherExportRows } from './voucher-export-rows.js';

/**
 * GET /exports/{id}?token=: the export's CSV file. A wrong token is answered like an unknown
 * export, revealing nothing. Every check is made before the first byte, so a refusal is a clean 404.
 */
export async function downloadExport(
  ctx: ProjectContext,
  id: string,
  token: string,
  assets: VoucherAssetLinks,
): Promise<Readable | string> {
  const record = await getExport(ctx, id);
  if (token !== record.token) throw notFound('export', id);
  if (record.exported_object === 'voucher_transactions') return renderTransactionExport(ctx, record);
  const csv = stringify();
  // pipeline, not pipe: a failed page read destroys the CSV stream too, so the answer is cut off
  // (and logged) instead of left hanging.
  pipeline(Readable.from(voucherExportRows(ctx.store, record, assets)), csv, () => {});
  return csv;
}
