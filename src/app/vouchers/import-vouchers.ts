import type { AsyncAction } from '../../domain/async-actions/async-action.js';
import type { AsyncActionHandler } from '../async-actions/async-action-handler.js';
import { enqueueAsyncAction } from '../async-actions/enqueue-async-action.js';
import type { ProjectContext } from '../context.js';
import { insertVoucher, planVoucher, type VoucherCreateInput } from './create-voucher.js';
import { checkCode } from './voucher-code.js';
import { applyVoucherRows, summarize } from './voucher-rows.js';

/** One voucher of `POST /vouchers/import`: standalone, with its code. */
export interface VoucherImportRow extends Omit<VoucherCreateInput, 'campaign' | 'campaign_id' | 'code_config'> {
  code: string;
}

/** POST /vouchers/import: each voucher is created on its own, so one bad row fails alone. */
export function importVouchers(ctx: ProjectContext, rows: VoucherImportRow[]): Promise<AsyncAction> {
  return enqueueAsyncAction(ctx, 'VOUCHERS.IMPORT', rows);
}

/** Creates one standalone voucher from an import row, in its own transaction. */
export function importVoucherRow(ctx: ProjectContext, row: VoucherImportRow, redeemedQuantity = 0): Promise<void> {
  // Imported vouchers are standalone, as in Voucherify, whatever else a row carries.
  const {
    code,
    campaign: _campaign,
    campaign_id: _campaignId,
    ...fields
  } = row as VoucherCreateInput & { code: string };
  return ctx.store.transaction(async (store) => {
    const plan = await planVoucher(store, fields);
    await insertVoucher(ctx, store, checkCode(code), { ...plan, redeemedQuantity });
  });
}

export const runVouchersImport: AsyncActionHandler = async (ctx, payload) => {
  const rows = payload as VoucherImportRow[];
  const outcome = await applyVoucherRows(
    ctx,
    rows,
    (row) => importVoucherRow(ctx, row),
    (row) => ({ code: row.code }),
  );
  return { message: summarize(outcome.done_count, outcome.failed_count, 'imported'), ...outcome };
};
