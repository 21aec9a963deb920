import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { Order } from '../../domain/orders/order.js';
import type { ProjectContext } from '../context.js';
import type { OrderListFilters } from '../repositories/order-repository.js';
import type { OrderRedemptionLink } from '../repositories/redemption-repository.js';
import { getOrderByRef } from './upsert-order.js';

/** An order with the redemptions made with it: what every order answer shows. */
export interface OrderWithRedemptions {
  order: Order;
  redemptions: readonly OrderRedemptionLink[];
}

/** The orders with their redemptions, read in one query however many orders there are. */
export async function withRedemptions(ctx: ProjectContext, orders: readonly Order[]): Promise<OrderWithRedemptions[]> {
  const links = await ctx.store.redemptions.listForOrders(orders.map((order) => order.id));
  const byOrder = new Map<string, OrderRedemptionLink[]>();
  for (const link of links) {
    const found = byOrder.get(link.order_id);
    if (found) found.push(link);
    else byOrder.set(link.order_id, [link]);
  }
  return orders.map((order) => ({ order, redemptions: byOrder.get(order.id) ?? [] }));
}

/** One order with its redemptions: what creating, reading and updating an order answer. */
export async function withOrderRedemptions(ctx: ProjectContext, order: Order): Promise<OrderWithRedemptions> {
  return { order, redemptions: await ctx.store.redemptions.listForOrders([order.id]) };
}

export async function getOrder(ctx: ProjectContext, ref: string): Promise<OrderWithRedemptions> {
  return withOrderRedemptions(ctx, await getOrderByRef(ctx.store, ref));
}

export async function listOrders(
  ctx: ProjectContext,
  query: ListQuery,
  filters: OrderListFilters = {},
): Promise<ListPage<OrderWithRedemptions>> {
  const page = await ctx.store.orders.list(query, filters);
  return { ...page, items: await withRedemptions(ctx, page.items) };
}
