import { notFound } from '../../domain/errors.js';
import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';
import type { StoredVoucher } from '../repositories/voucher-repository.js';
import { codeKeyIn } from './voucher-code.js';

async function findStored(ctx: ProjectContext, store: ProjectStore, ref: string): Promise<StoredVoucher | undefined> {
  return (
    (await store.vouchers.findStoredByCodeKey(codeKeyIn(ctx.project, ref))) ??
    (ref.startsWith('v_') ? await store.vouchers.findStoredById(ref) : undefined)
  );
}

/**
 * DELETE /vouchers/{code}: to the bin, where the code stays taken; with `force` gone for good,
 * also from the bin. A campaign counts only its live vouchers. Either way the voucher's validation
 * rule assignments go, so its rules no longer count it.
 */
export function deleteVoucher(ctx: ProjectContext, ref: string, options: { force: boolean }): Promise<void> {
  return ctx.store.transaction(async (store) => {
    const stored = await findStored(ctx, store, ref);
    if (!stored || (stored.binned && !options.force)) throw notFound('voucher', ref);
    const { voucher } = stored;
    if (options.force) await store.vouchers.deletePermanently(voucher.id);
    else await store.vouchers.moveToBin(voucher.id, ctx.clock.now().toISOString());
    if (!stored.binned && voucher.campaign_id !== null) await store.campaigns.addVouchersCount(voucher.campaign_id, -1);
    await store.validationRuleAssignments.deleteForObject('voucher', voucher.id);
  });
}
