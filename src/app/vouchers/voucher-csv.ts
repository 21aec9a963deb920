import { AppError } from '../../domain/errors.js';
import type { Metadata } from '../../domain/metadata.js';
import type { VoucherType } from '../../domain/vouchers/voucher.js';
import type { VoucherFieldsInput } from './voucher-fields.js';

/** One CSV row as voucher fields; `problem` says why the row cannot be imported. */
export interface VoucherCsvRow {
  /** 1 for the first row after the headers, as Voucherify counts. */
  row: number;
  code: string;
  type?: VoucherType;
  fields: VoucherFieldsInput;
  redeemed_quantity?: number;
  problem?: string;
}

/** Which standard columns a file may use: a campaign's codes take the rest from the campaign. */
export type VoucherCsvKind = 'standalone' | 'campaign';

/** Fills a row from one cell; answers what is wrong with the cell, if anything. */
type Cell = (row: VoucherCsvRow, value: string, cells: Record<string, string>) => string | undefined;

/** A column whose cell is taken as it is. */
function field(set: (row: VoucherCsvRow, value: string, cells: Record<string, string>) => void): Cell {
  return (row, value, cells) => {
    set(row, value, cells);
    return undefined;
  };
}

/** Gift and loyalty columns belong to other voucher types; a discount import leaves them aside. */
const IGNORED = new Set(['redeemed amount', 'gift amount', 'loyalty points']);

function parseWhole(value: string, column: string): number | string {
  return /^\d+$/.test(value) && Number.isSafeInteger(Number(value))
    ? Number(value)
    : `${column} must be a whole number, got "${value}"`;
}

/** Voucherify's CSV `Value` by `Discount Type`: money in minor units (1000 is 10.00), percent as is. */
function discountFrom(type: string, value: string, unitType: string | undefined): Record<string, unknown> {
  const number = value === '' ? undefined : Number.isNaN(Number(value)) ? value : Number(value);
  switch (type) {
    case 'AMOUNT':
      return { type, amount_off: number };
    case 'PERCENT':
      return { type, percent_off: number };
    case 'FIXED':
      return { type, fixed_amount: number };
    case 'UNIT':
      return { type, unit_off: number, unit_type: unitType, effect: 'ADD_MISSING_ITEMS' };
    default:
      return { type };
  }
}

const COMMON: Record<string, Cell> = {
  category: field((row, v) => {
    row.fields.category = v;
  }),
  active: (row, v) => {
    const flag = v.toLowerCase();
    if (flag !== 'true' && flag !== 'false') return `Active must be true or false, got "${v}"`;
    row.fields.active = flag === 'true';
  },
  'redeemed quantity': (row, v) => {
    const quantity = parseWhole(v, 'Redeemed Quantity');
    if (typeof quantity === 'string') return quantity;
    row.redeemed_quantity = quantity;
  },
  'additional info': field((row, v) => {
    row.fields.additional_info = v;
  }),
};

const STANDALONE: Record<string, Cell> = {
  ...COMMON,
  'voucher type': field((row, v) => {
    row.type = v.toUpperCase() as VoucherType;
  }),
  'discount type': field((row, v, cells) => {
    row.fields.discount = discountFrom(v.toUpperCase(), cells.value ?? '', cells['unit type']);
  }),
  value: () => undefined,
  'unit type': () => undefined,
  'start date': field((row, v) => {
    row.fields.start_date = v;
  }),
  'expiration date': field((row, v) => {
    row.fields.expiration_date = v;
  }),
  'redemption limit': (row, v) => {
    const quantity = parseWhole(v, 'Redemption Limit');
    if (typeof quantity === 'string') return quantity;
    row.fields.redemption = { quantity };
  },
};

function normalizeHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');
}

function readRecord(record: Record<string, string>, index: number, kind: VoucherCsvKind): VoucherCsvRow {
  const columns = kind === 'standalone' ? STANDALONE : COMMON;
  const cells: Record<string, string> = {};
  const metadata: Metadata = {};
  for (const [header, raw] of Object.entries(record)) {
    const name = normalizeHeader(header);
    const value = raw.trim();
    if (value === '' || IGNORED.has(name)) continue;
    if (name === 'code' || name in STANDALONE) cells[name] = value;
    else metadata[header.trim()] = value;
  }
  const row: VoucherCsvRow = { row: index + 1, code: cells.code ?? '', fields: {} };
  const problems: string[] = [];
  if (row.code === '') problems.push('Code is required');
  if (kind === 'standalone' && cells['voucher type'] === undefined) problems.push('Voucher Type is required');
  for (const [name, value] of Object.entries(cells)) {
    const problem = columns[name]?.(row, value, cells);
    if (problem !== undefined) problems.push(problem);
  }
  if (Object.keys(metadata).length > 0) row.fields.metadata = metadata;
  if (problems.length > 0) row.problem = problems.join('; ');
  return row;
}

/**
 * Vouchers from CSV records (header → cell) in Voucherify's columns: Code, Voucher Type, Value,
 * Discount Type, Category, Start Date, Expiration Date, Redemption Limit, Redeemed Quantity,
 * Active, Additional Info (headers case-insensitive); other columns become metadata. A file
 * without a Code column is refused whole; a bad row fails alone when the import runs.
 */
export function vouchersFromCsvRecords(
  records: readonly Record<string, string>[],
  kind: VoucherCsvKind,
): VoucherCsvRow[] {
  const first = records[0];
  if (first && !Object.keys(first).some((header) => normalizeHeader(header) === 'code')) {
    throw new AppError('invalid_csv_file', { details: 'The file needs a Code column' });
  }
  return records.map((record, index) => readRecord(record, index, kind));
}
