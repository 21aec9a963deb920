import type { AsyncAction } from '../../domain/async-actions/async-action.js';
import { type Metadata, mergeMetadata } from '../../domain/metadata.js';
import type { ProductChanges } from '../../domain/products/product.js';
import { type AsyncActionHandler, applyEachRow } from '../async-actions/async-action-handler.js';
import { enqueueAsyncAction } from '../async-actions/enqueue-async-action.js';
import type { ProjectContext } from '../context.js';
import { explainRowFailure } from './row-failures.js';
import { upsertProduct } from './upsert-product.js';

export type ProductBulkRow = ProductChanges & { source_id: string };

export interface ProductMetadataUpdate {
  source_ids: string[];
  metadata: Metadata;
}

type RowResult = { source_id: string; found: boolean; updated: boolean };

/** POST /products/bulk/async: each row updates the product with its source_id, or creates it. */
export function bulkUpdateProducts(ctx: ProjectContext, rows: ProductBulkRow[]): Promise<AsyncAction> {
  return enqueueAsyncAction(ctx, 'PRODUCTS.BULK_UPDATE', rows);
}

/** POST /products/metadata/async: merges the metadata into every listed product, creating missing ones. */
export function updateProductsMetadata(ctx: ProjectContext, update: ProductMetadataUpdate): Promise<AsyncAction> {
  return enqueueAsyncAction(ctx, 'PRODUCTS.METADATA_UPDATE', update);
}

export const runProductsBulkUpdate: AsyncActionHandler = async (ctx, payload) => {
  const rows = payload as ProductBulkRow[];
  const results: RowResult[] = [];
  const outcome = await applyEachRow(
    ctx,
    rows,
    async (row) => {
      await explainRowFailure(async () => {
        const { found } = await ctx.store.transaction((store) => upsertProduct(store, ctx.clock, ctx.ids, row));
        results.push({ source_id: row.source_id, found, updated: true });
      });
    },
    (row) => ({ source_id: row.source_id }),
  );
  return { message: `${outcome.done_count} product(s) updated`, ...outcome, results };
};

export const runProductsMetadataUpdate: AsyncActionHandler = async (ctx, payload) => {
  const { source_ids: sourceIds, metadata } = payload as ProductMetadataUpdate;
  const results: RowResult[] = [];
  const outcome = await applyEachRow(
    ctx,
    sourceIds,
    async (sourceId) => {
      await explainRowFailure(async () => {
        const { found } = await ctx.store.transaction(async (store) => {
          const existing = await store.products.findBySourceId(sourceId);
          return upsertProduct(store, ctx.clock, ctx.ids, {
            source_id: sourceId,
            metadata: mergeMetadata(existing?.metadata ?? {}, metadata),
          });
        });
        results.push({ source_id: sourceId, found, updated: true });
      });
    },
    (sourceId) => ({ source_id: sourceId }),
  );
  return { message: `${outcome.done_count} product(s) updated`, ...outcome, results };
};
