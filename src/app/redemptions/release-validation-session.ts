import { notFound } from '../../domain/errors.js';
import type { ProjectContext } from '../context.js';
import { loadVoucher } from './load-voucher.js';

/**
 * DELETE /vouchers/{code}/sessions/{key}: gives back the use the session reserved, at once rather
 * than when the session ends. A session that holds nothing of this voucher (never opened, ended,
 * used by its redemption or released before) is a 404.
 */
export async function releaseValidationSession(ctx: ProjectContext, code: string, key: string): Promise<void> {
  const voucher = await loadVoucher(ctx.store, ctx.project, code);
  const now = ctx.clock.now().toISOString();
  const released = await ctx.store.transaction((tx) => tx.validationSessions.release(voucher.stored.id, key, now));
  if (!released) throw notFound('session', key);
}
