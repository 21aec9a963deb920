import type { AsyncAction } from '../../domain/async-actions/async-action.js';
import { type Metadata, mergeMetadata } from '../../domain/metadata.js';
import type { AsyncActionHandler } from '../async-actions/async-action-handler.js';
import { enqueueAsyncAction } from '../async-actions/enqueue-async-action.js';
import type { ProjectContext } from '../context.js';
import { checkMetadata } from '../metadata-schemas/check-metadata.js';
import { getVoucherByRef } from './voucher-queries.js';
import { applyVoucherRows } from './voucher-rows.js';

/** One row of `POST /vouchers/bulk/async`: metadata to merge into the voucher with this code. */
export interface VoucherBulkRow {
  code: string;
  metadata: Metadata;
}

export interface VoucherMetadataUpdate {
  codes: string[];
  metadata: Metadata;
}

/** POST /vouchers/bulk/async: each code gets its own metadata; upserts are not supported. */
export function bulkUpdateVouchers(ctx: ProjectContext, rows: VoucherBulkRow[]): Promise<AsyncAction> {
  return enqueueAsyncAction(ctx, 'VOUCHERS.BULK_UPDATE', rows);
}

/** POST /vouchers/metadata/async: the same metadata for every listed code. */
export function updateVouchersMetadata(ctx: ProjectContext, update: VoucherMetadataUpdate): Promise<AsyncAction> {
  return enqueueAsyncAction(ctx, 'VOUCHERS.METADATA_UPDATE', update);
}

/** Merges metadata into one voucher's (a key sent as null is removed), in its own transaction. */
function mergeVoucherMetadata(ctx: ProjectContext, code: string, metadata: Metadata): Promise<void> {
  return ctx.store.transaction(async (store) => {
    const voucher = await getVoucherByRef(store, ctx.project, code);
    await checkMetadata(store, 'voucher', mergeMetadata(voucher.metadata, metadata));
    await store.vouchers.update({
      ...voucher,
      metadata: mergeMetadata(voucher.metadata, metadata),
      updated_at: ctx.clock.now().toISOString(),
    });
  });
}

export const runVouchersBulkUpdate: AsyncActionHandler = async (ctx, payload) => {
  const rows = payload as VoucherBulkRow[];
  const outcome = await applyVoucherRows(
    ctx,
    rows,
    (row) => mergeVoucherMetadata(ctx, row.code, row.metadata),
    (row) => ({ code: row.code }),
  );
  return { message: `Updated ${outcome.done_count} voucher(s).`, ...outcome };
};

export const runVouchersMetadataUpdate: AsyncActionHandler = async (ctx, payload) => {
  const { codes, metadata } = payload as VoucherMetadataUpdate;
  const outcome = await applyVoucherRows(
    ctx,
    codes,
    (code) => mergeVoucherMetadata(ctx, code, metadata),
    (code) => ({ code }),
  );
  return { message: `Updated ${outcome.done_count} voucher(s).`, ...outcome };
};
