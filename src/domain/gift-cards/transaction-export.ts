import { invalidPayload } from '../errors.js';
import type { VoucherTransaction } from './voucher-transaction.js';

/** The columns a voucher transactions export may have, in Voucherify's default order. */
export const TRANSACTION_EXPORT_FIELDS = [
  'id',
  'type',
  'source_id',
  'reason',
  'balance',
  'amount',
  'created_at',
  'voucher_id',
  'campaign_id',
  'details',
  'related_transaction_id',
  'source',
] as const;
export type TransactionExportField = (typeof TRANSACTION_EXPORT_FIELDS)[number];

export interface TransactionExportParameters {
  order: '-created_at' | 'created_at';
  fields: TransactionExportField[];
}

/** The export's parameters as sent, checked; every field, newest first, when none are given. */
export function parseTransactionExportParameters(
  input:
    | {
        order?: string | null;
        fields?: string[] | null;
      }
    | null
    | undefined,
): TransactionExportParameters {
  const order = input?.order ?? '-created_at';
  if (order !== '-created_at' && order !== 'created_at') {
    throw invalidPayload('Property .parameters.order should be created_at or -created_at');
  }
  const fields = input?.fields ?? [...TRANSACTION_EXPORT_FIELDS];
  for (const field of fields) {
    if (!TRANSACTION_EXPORT_FIELDS.includes(field as TransactionExportField)) {
      throw invalidPayload(
        `Property .parameters.fields holds ${field}; allowed: ${TRANSACTION_EXPORT_FIELDS.join(', ')}`,
      );
    }
  }
  return { order, fields: fields as TransactionExportField[] };
}

/** One CSV row's cells, in the export's field order. */
export function transactionExportRow(t: VoucherTransaction, fields: readonly TransactionExportField[]): string[] {
  return fields.map((field) => {
    switch (field) {
      case 'balance':
        return String(t.balance);
      case 'amount':
        return String(t.amount);
      case 'details':
        return JSON.stringify(t.details);
      case 'related_transaction_id':
        return '';
      default:
        return t[field] ?? '';
    }
  });
}
