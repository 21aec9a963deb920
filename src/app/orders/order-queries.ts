import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { Order } from '../../domain/orders/order.js';
import type { ProjectContext } from '../context.js';
import { getOrderByRef } from './upsert-order.js';

export function getOrder(ctx: ProjectContext, ref: string): Promise<Order> {
  return getOrderByRef(ctx.store, ref);
}

export function listOrders(ctx: ProjectContext, query: ListQuery): Promise<ListPage<Order>> {
  return ctx.store.orders.list(query);
}
