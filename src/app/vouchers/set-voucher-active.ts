import type { ProjectContext } from '../context.js';
import type { VoucherView } from '../views/voucher-view.js';
import { getVoucherByRef, viewVoucher } from './voucher-queries.js';

/** POST /vouchers/{code}/enable|disable: the voucher's own switch; its campaign's is separate. */
export function setVoucherActive(ctx: ProjectContext, ref: string, active: boolean): Promise<VoucherView> {
  return ctx.store.transaction(async (store) => {
    const voucher = await getVoucherByRef(store, ctx.project, ref);
    const updated = { ...voucher, active, updated_at: ctx.clock.now().toISOString() };
    await store.vouchers.update(updated);
    return viewVoucher(store, updated);
  });
}
