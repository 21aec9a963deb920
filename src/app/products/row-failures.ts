import { AppError } from '../../domain/errors.js';
import type { CsvRow } from '../../domain/products/product-csv.js';

/** A CSV row refused while reading the file, reported in the import's result with its reason. */
export function failCsvRow(problem: string): AppError {
  return new AppError('invalid_payload', { message: `Invalid payload: ${problem}`, details: problem });
}

/**
 * Runs one row of a bulk job so that its failure reads well in the job's result: the report
 * shows an error's message, and "Resource not found" alone does not say which resource.
 */
export async function explainRowFailure(work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof AppError) || error.details === undefined) throw error;
    throw new AppError(error.key, { message: `${error.message}: ${error.details}`, details: error.details });
  }
}

/** How an import's report names a row: its line in the file, and its source_id when it has one. */
export function describeCsvRow(row: CsvRow<unknown>): { row: number; source_id?: string } {
  return { row: row.line, ...(row.source_id ? { source_id: row.source_id } : {}) };
}
