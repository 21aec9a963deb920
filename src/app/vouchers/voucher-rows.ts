import type { AsyncActionFailure, AsyncActionResult } from '../../domain/async-actions/async-action.js';
import { AppError } from '../../domain/errors.js';
import type { JobContext } from '../async-actions/async-action-handler.js';

/** Which row failed, as Voucherify's voucher jobs name it: the voucher code, and the CSV row. */
export interface VoucherRowRef {
  code?: string;
  row?: number;
}

export type VoucherJobOutcome = Pick<AsyncActionResult, 'done_count' | 'failed_count' | 'failed'>;

/**
 * Runs `apply` for each row, collecting what was wrong with a row (an AppError's details) instead
 * of stopping at the first; anything else fails the job, so internals never reach its result.
 * Voucherify's voucher jobs report a failure's voucher in `code`, so the error's key is left out.
 */
export async function applyVoucherRows<T>(
  ctx: JobContext,
  rows: readonly T[],
  apply: (row: T, index: number) => Promise<void>,
  describe: (row: T, index: number) => VoucherRowRef,
): Promise<VoucherJobOutcome> {
  const failed: AsyncActionFailure[] = [];
  let done = 0;
  for (const [index, row] of rows.entries()) {
    try {
      await apply(row, index);
      done += 1;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      failed.push({ ...describe(row, index), reason: error.details ?? error.message });
    }
    if ((index + 1) % 100 === 0) await ctx.reportProgress(Math.floor(((index + 1) / rows.length) * 100));
  }
  return { done_count: done, failed_count: failed.length, failed };
}

export function summarize(done: number, failed: number, verb: string): string {
  return failed === 0
    ? `${done} voucher(s) ${verb} successfully`
    : `${done} voucher(s) ${verb} successfully, ${failed} failed.`;
}
