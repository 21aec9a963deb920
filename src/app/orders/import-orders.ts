import type { AsyncAction } from '../../domain/async-actions/async-action.js';
import { type AsyncActionHandler, applyEachRow } from '../async-actions/async-action-handler.js';
import { enqueueAsyncAction } from '../async-actions/enqueue-async-action.js';
import type { ProjectContext } from '../context.js';
import { type OrderUpsert, upsertOrder } from './upsert-order.js';

/** POST /orders/import: historical orders, created by a worker; each row succeeds or fails alone. */
export function importOrders(ctx: ProjectContext, orders: OrderUpsert[]): Promise<AsyncAction> {
  return enqueueAsyncAction(ctx, 'ORDERS.IMPORT', orders);
}

export const runOrdersImport: AsyncActionHandler = async (ctx, payload) => {
  const orders = payload as OrderUpsert[];
  const outcome = await applyEachRow(
    ctx,
    orders,
    async (order) => {
      await ctx.store.transaction((store) => upsertOrder(store, ctx.clock, ctx.ids, order));
    },
    (order, index) => ({ row: index, ...(order.source_id ? { source_id: order.source_id } : {}) }),
  );
  return { message: `${outcome.done_count} order(s) imported`, ...outcome };
};
