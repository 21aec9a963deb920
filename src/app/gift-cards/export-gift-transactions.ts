import { stringify } from 'csv-stringify/sync';
import { neutralizeFormula } from '../../domain/exports/csv-cell.js';
import { parseTransactionExportParameters, transactionExportRow } from '../../domain/gift-cards/transaction-export.js';
import type { ProjectContext } from '../context.js';
import type { TransactionExport } from '../repositories/export-repository.js';
import { loadGiftCard } from './load-gift-card.js';

export interface TransactionExportRequest {
  parameters?: { order?: string | null; fields?: string[] | null } | null;
}

/**
 * POST /vouchers/{code}/transactions/export: records the export and answers it SCHEDULED, as
 * Voucherify does. The file needs no job: the ledger is append-only, so rendering the rows made
 * up to the export's creation whenever it is downloaded gives the same file every time.
 */
export async function createTransactionExport(
  ctx: ProjectContext,
  code: string,
  request: TransactionExportRequest,
): Promise<TransactionExport> {
  const parameters = parseTransactionExportParameters(request.parameters);
  const { card } = await loadGiftCard(ctx, ctx.store, code);
  const record: TransactionExport = {
    id: ctx.ids.newId('exp_'),
    exported_object: 'voucher_transactions',
    voucher_id: card.id,
    parameters,
    token: ctx.ids.newSecret(),
    channel: 'API',
    created_at: ctx.clock.now().toISOString(),
  };
  await ctx.store.exports.insert(record);
  return record;
}

/** The export's CSV: a header of its fields, then the ledger rows up to its creation, in its order. */
export async function renderTransactionExport(ctx: ProjectContext, record: TransactionExport): Promise<string> {
  const { order, fields } = record.parameters;
  const rows = await ctx.store.giftCards.allTransactions(record.voucher_id, order === 'created_at' ? 'asc' : 'desc');
  const included = rows.filter((t) => t.created_at <= record.created_at);
  return stringify([fields, ...included.map((t) => transactionExportRow(t, fields).map(neutralizeFormula))]);
}
