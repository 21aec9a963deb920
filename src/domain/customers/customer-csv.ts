import { AppError } from '../errors.js';
import type { CustomerChanges } from './customer.js';

export interface CustomerCsvRow extends CustomerChanges {
  id?: string;
}

/** Voucherify's standard CSV headers (case-insensitive) and the customer field each fills. */
const STANDARD_COLUMNS: Record<string, (row: CustomerCsvRow, value: string) => void> = {
  id: (row, v) => {
    row.id = v;
  },
  source_id: (row, v) => {
    row.source_id = v;
  },
  name: (row, v) => {
    row.name = v;
  },
  description: (row, v) => {
    row.description = v;
  },
  email: (row, v) => {
    row.email = v;
  },
  phone: (row, v) => {
    row.phone = v;
  },
  birthdate: (row, v) => {
    row.birthdate = v;
  },
  address_line_1: (row, v) => {
    row.address = { ...row.address, line_1: v };
  },
  address_line_2: (row, v) => {
    row.address = { ...row.address, line_2: v };
  },
  address_postal_code: (row, v) => {
    row.address = { ...row.address, postal_code: v };
  },
  address_city: (row, v) => {
    row.address = { ...row.address, city: v };
  },
  address_state: (row, v) => {
    row.address = { ...row.address, state: v };
  },
  address_country: (row, v) => {
    row.address = { ...row.address, country: v };
  },
};

/**
 * Customers from CSV records (header → cell). Standard headers fill the customer's fields; any
 * other column becomes a metadata key, as Voucherify's import does. Empty cells are skipped.
 */
export function customersFromCsvRecords(records: readonly Record<string, string>[]): CustomerCsvRow[] {
  return records.map((record, index) => {
    const row: CustomerCsvRow = {};
    const metadata: Record<string, string> = {};
    for (const [header, raw] of Object.entries(record)) {
      const value = raw.trim();
      if (value === '') continue;
      const fill = STANDARD_COLUMNS[header.trim().toLowerCase()];
      if (fill) fill(row, value);
      else metadata[header.trim()] = value;
    }
    if (Object.keys(metadata).length > 0) row.metadata = metadata;
    if (row.birthdate !== undefined && row.birthdate !== null && !/^\d{4}-\d{2}-\d{2}$/.test(row.birthdate)) {
      throw new AppError('invalid_csv_file', { details: `row ${index + 2}: Birthdate must be YYYY-MM-DD` });
    }
    return row;
  });
}
