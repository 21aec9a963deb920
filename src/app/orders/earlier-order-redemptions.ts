import type { ProjectStore } from '../ports.js';
import { type OrderRedemptionEntry, toOrderRedemptions } from '../views/order-view.js';
import type { PreparedOrder } from './upsert-order.js';

/**
 * The redemptions an order already carried before this one, as its `redemptions` map shows them.
 * A new order has none, so the redemption of a new order (the usual checkout) pays no query; an
 * order named again (by id or source_id) lists what was redeemed on it before.
 */
export async function earlierOrderRedemptions(
  store: ProjectStore,
  prepared: PreparedOrder,
  savedOrderId: string,
): Promise<Record<string, OrderRedemptionEntry>> {
  // A new order whose insert met one created meanwhile under its source_id was merged into it.
  const existed = !prepared.isNew || savedOrderId !== prepared.order.id;
  if (!existed) return {};
  return toOrderRedemptions(await store.redemptions.listForOrders([savedOrderId]));
}
