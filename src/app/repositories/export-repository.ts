import type { VoucherExportParameters } from '../../domain/exports/voucher-export-parameters.js';
import type { TransactionExportParameters } from '../../domain/gift-cards/transaction-export.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';

interface ExportRecordBase {
  id: string;
  /** The secret the download link carries. */
  token: string;
  channel: string;
  created_at: string;
}

/** A requested export of a card's ledger; the file is rendered from the ledger when downloaded. */
export interface TransactionExport extends ExportRecordBase {
  exported_object: 'voucher_transactions';
  /** The card whose ledger it exports. */
  voucher_id: string;
  parameters: TransactionExportParameters;
}

/** A requested export of the project's vouchers (or some campaigns'); the file is rendered when downloaded. */
export interface VoucherExport extends ExportRecordBase {
  exported_object: 'voucher';
  parameters: VoucherExportParameters;
}

export type ExportRecord = TransactionExport | VoucherExport;

/** Requested exports of every kind, in the `exports` table. */
export interface ExportRepository {
  insert(record: ExportRecord): Promise<void>;
  findById(id: string): Promise<ExportRecord | undefined>;
  /** A page of the project's exports; sorts by created_at. */
  list(query: ListQuery): Promise<ListPage<ExportRecord>>;
  /** Answers whether there was one to delete. */
  delete(id: string): Promise<boolean>;
}
