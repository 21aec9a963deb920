import type { Order } from '../../domain/orders/order.js';
import type { ProjectContext } from '../context.js';
import { getOrderByRef, type OrderUpsert, upsertOrder } from './upsert-order.js';

/** PUT /orders/{id|source_id}: sets the given fields, recomputing amounts when lines or amounts change. */
export function updateOrder(ctx: ProjectContext, ref: string, changes: Omit<OrderUpsert, 'id'>): Promise<Order> {
  return ctx.store.transaction(async (store) => {
    const order = await getOrderByRef(store, ref);
    return upsertOrder(store, ctx.clock, ctx.ids, { ...changes, id: order.id });
  });
}
