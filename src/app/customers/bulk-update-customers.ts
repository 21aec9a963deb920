import type { AsyncAction } from '../../domain/async-actions/async-action.js';
import type { CustomerChanges } from '../../domain/customers/customer.js';
import { type Metadata, mergeMetadata } from '../../domain/metadata.js';
import type { AsyncActionHandler } from '../async-actions/async-action-handler.js';
import { applyEachRow } from '../async-actions/async-action-handler.js';
import { enqueueAsyncAction } from '../async-actions/enqueue-async-action.js';
import type { ProjectContext } from '../context.js';
import { upsertCustomer } from './upsert-customer.js';

export type CustomerBulkRow = CustomerChanges & { source_id: string };

export interface CustomerMetadataUpdate {
  source_ids: string[];
  metadata: Metadata;
}

/** POST /customers/bulk/async: each row updates the customer with its source_id, or creates it. */
export function bulkUpdateCustomers(ctx: ProjectContext, rows: CustomerBulkRow[]): Promise<AsyncAction> {
  return enqueueAsyncAction(ctx, 'CUSTOMERS.BULK_UPDATE', rows);
}

/** POST /customers/metadata/async: merges the metadata into every listed customer. */
export function updateCustomersMetadata(ctx: ProjectContext, update: CustomerMetadataUpdate): Promise<AsyncAction> {
  return enqueueAsyncAction(ctx, 'CUSTOMERS.METADATA_UPDATE', update);
}

export const runCustomersBulkUpdate: AsyncActionHandler = async (ctx, payload) => {
  const rows = payload as CustomerBulkRow[];
  const results: { source_id: string; found: boolean; updated: boolean }[] = [];
  const outcome = await applyEachRow(
    ctx,
    rows,
    async (row) => {
      const found = (await ctx.store.customers.findBySourceId(row.source_id)) !== undefined;
      await ctx.store.transaction((store) => upsertCustomer(store, ctx.clock, ctx.ids, row));
      results.push({ source_id: row.source_id, found, updated: true });
    },
    (row) => ({ source_id: row.source_id }),
  );
  return { message: `${outcome.done_count} customer(s) updated`, ...outcome, results };
};

export const runCustomersMetadataUpdate: AsyncActionHandler = async (ctx, payload) => {
  const { source_ids: sourceIds, metadata } = payload as CustomerMetadataUpdate;
  const results: { source_id: string; found: boolean; updated: boolean }[] = [];
  const outcome = await applyEachRow(
    ctx,
    sourceIds,
    async (sourceId) => {
      await ctx.store.transaction(async (store) => {
        const existing = await store.customers.findBySourceId(sourceId);
        await upsertCustomer(store, ctx.clock, ctx.ids, {
          source_id: sourceId,
          metadata: mergeMetadata(existing?.metadata ?? {}, metadata),
        });
        results.push({ source_id: sourceId, found: existing !== undefined, updated: true });
      });
    },
    (sourceId) => ({ source_id: sourceId }),
  );
  return { message: `${outcome.done_count} customer(s) updated`, ...outcome, results };
};
