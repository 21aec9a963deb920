import type { Order } from '../../domain/orders/order.js';
import { newOrder } from '../../domain/orders/order-changes.js';
import { resolveOrderItems } from '../orders/resolve-order-items.js';
import { type OrderUpsert, type PreparedOrder, prepareOrder } from '../orders/upsert-order.js';
import type { Clock, Ids, ProjectStore } from '../ports.js';
import type { WritePolicy } from '../write-policy.js';

/**
 * The order a validation prices, without storing anything: an order the shop names by id or
 * source_id is taken as stored unless the request brings its lines; new lines are priced against
 * the catalog read-only.
 */
export async function previewOrder(store: ProjectStore, clock: Clock, ids: Ids, input: OrderUpsert): Promise<Order> {
  const ref = input.id ?? input.source_id;
  const stored = ref ? await store.orders.findById(ref).then((o) => o ?? store.orders.findBySourceId(ref)) : undefined;
  if (stored && !input.items) return stored;
  const items = input.items ? await resolveOrderItems(store, clock, ids, input.items, 'read_only') : [];
  const { id: _id, customer: _customer, referrer: _referrer, items: _items, ...amounts } = input;
  return newOrder(
    stored?.id ?? '',
    { ...amounts, items, customer_id: stored?.customer_id ?? null },
    clock.now().toISOString(),
  );
}

/**
 * The order a redemption applies to, worked out (customers and catalog entries it names are
 * stored, as far as `writes` allows) but not written: the redemption writes it once, with its discount.
 */
export function prepareRequestOrder(
  store: ProjectStore,
  clock: Clock,
  ids: Ids,
  input: OrderUpsert,
  customerId: string | null,
  writes: WritePolicy,
): Promise<PreparedOrder> {
  return prepareOrder(store, clock, ids, input, customerId ? { customerId } : {}, writes);
}
