import type { Order } from '../../domain/orders/order.js';
import type { ProjectContext } from '../context.js';
import { type OrderUpsert, upsertOrder } from './upsert-order.js';

export function createOrder(ctx: ProjectContext, input: OrderUpsert): Promise<Order> {
  return ctx.store.transaction((store) => upsertOrder(store, ctx.clock, ctx.ids, input));
}
