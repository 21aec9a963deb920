import { parse } from 'csv-parse/sync';
import { AppError } from '../domain/errors.js';

/** Reads a CSV upload with a header line into one record per row; a malformed file is a 400. */
export function readCsvRecords(text: string): Record<string, string>[] {
  try {
    return parse(text, {
      columns: (headers: string[]) => headers.map((h) => h.replace(/^\uFEFF/, '').trim()),
      skip_empty_lines: true,
      trim: false,
      bom: true,
    }) as Record<string, string>[];
  } catch (error) {
    throw new AppError('invalid_csv_file', { details: error instanceof Error ? error.message : 'unreadable CSV' });
  }
}
