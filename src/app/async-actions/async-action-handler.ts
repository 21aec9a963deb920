import type { AsyncActionResult } from '../../domain/async-actions/async-action.js';
import type { ProjectContext } from '../context.js';

/** What a bulk job gets: the project's context, plus a way to report how far it has come. */
export interface JobContext extends ProjectContext {
  reportProgress(percent: number): Promise<void>;
}

/** Carries out one queued action; a thrown error fails the whole action with its message. */
export type AsyncActionHandler = (ctx: JobContext, payload: unknown) => Promise<AsyncActionResult>;

/** Runs `apply` for each row, collecting failures instead of stopping at the first. */
export async function applyEachRow<T>(
  ctx: JobContext,
  rows: readonly T[],
  apply: (row: T, index: number) => Promise<void>,
  describe: (row: T, index: number) => { source_id?: string; row?: number },
): Promise<Pick<AsyncActionResult, 'done_count' | 'failed_count' | 'failed'>> {
  const failed: AsyncActionResult['failed'] = [];
  let done = 0;
  for (const [index, row] of rows.entries()) {
    try {
      await apply(row, index);
      done += 1;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const code = typeof error === 'object' && error !== null && 'key' in error ? String(error.key) : undefined;
      failed.push({ ...describe(row, index), reason, ...(code ? { code } : {}) });
    }
    if ((index + 1) % 100 === 0) await ctx.reportProgress(Math.floor(((index + 1) / rows.length) * 100));
  }
  return { done_count: done, failed_count: failed.length, failed };
}
