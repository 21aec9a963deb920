import { notFound } from '../../domain/errors.js';
import type { Order } from '../../domain/orders/order.js';
import { applyOrderChanges, newOrder, type ResolvedOrderChanges } from '../../domain/orders/order-changes.js';
import type { OrderChangesInput } from '../../domain/orders/order-input.js';
import { type CustomerUpsert, upsertCustomer } from '../customers/upsert-customer.js';
import type { Clock, Ids, ProjectStore } from '../ports.js';
import { resolveOrderItems } from './resolve-order-items.js';

export interface OrderUpsert extends OrderChangesInput {
  id?: string | null;
  customer?: CustomerUpsert | null;
  referrer?: CustomerUpsert | null;
  customer_id?: string | null;
  referrer_id?: string | null;
}

/** The customer an order names by object or by id, created when new (Voucherify's upsert). */
async function resolveParty(
  store: ProjectStore,
  clock: Clock,
  ids: Ids,
  party: CustomerUpsert | null | undefined,
  partyId: string | null | undefined,
): Promise<string | null | undefined> {
  if (party) return (await upsertCustomer(store, clock, ids, party)).id;
  if (partyId) return (await upsertCustomer(store, clock, ids, { id: partyId })).id;
  if (party === null || partyId === null) return null;
  return undefined;
}

async function resolveChanges(
  store: ProjectStore,
  clock: Clock,
  ids: Ids,
  input: OrderUpsert,
): Promise<ResolvedOrderChanges> {
  const { id: _id, customer, referrer, customer_id, referrer_id, items, ...rest } = input;
  const resolved: ResolvedOrderChanges = { ...rest };
  if (items) resolved.items = await resolveOrderItems(store, clock, ids, items);
  const customerId = await resolveParty(store, clock, ids, customer, customer_id);
  if (customerId !== undefined) resolved.customer_id = customerId;
  const referrerId = await resolveParty(store, clock, ids, referrer, referrer_id);
  if (referrerId !== undefined) resolved.referrer_id = referrerId;
  return resolved;
}

async function update(store: ProjectStore, clock: Clock, order: Order, changes: ResolvedOrderChanges): Promise<Order> {
  const { created_at: _keep, ...rest } = changes;
  const updated = applyOrderChanges(order, rest, clock.now().toISOString());
  await store.orders.update(updated);
  return updated;
}

/**
 * Voucherify's order upsert: an `id` names an existing order, a `source_id` finds or creates one,
 * neither creates a new order. Customers, referrers, products and SKUs it names are created when
 * new, in the same transaction as the order.
 */
export async function upsertOrder(store: ProjectStore, clock: Clock, ids: Ids, input: OrderUpsert): Promise<Order> {
  if (input.id) {
    const existing = await store.orders.findById(input.id);
    if (!existing) throw notFound('order', input.id);
    return update(store, clock, existing, await resolveChanges(store, clock, ids, input));
  }
  const changes = await resolveChanges(store, clock, ids, input);
  if (changes.source_id) {
    const existing = await store.orders.findBySourceId(changes.source_id);
    if (existing) return update(store, clock, existing, changes);
  }
  const created = newOrder(ids.newId('ord_'), changes, clock.now().toISOString());
  if (await store.orders.insert(created)) return created;
  const winner = changes.source_id ? await store.orders.findBySourceId(changes.source_id) : undefined;
  if (!winner) throw new Error('order insert conflicted but no order holds the source_id');
  return update(store, clock, winner, changes);
}

/** An order named by its id or, failing that, its source_id. */
export async function getOrderByRef(store: ProjectStore, ref: string): Promise<Order> {
  const order = (await store.orders.findById(ref)) ?? (await store.orders.findBySourceId(ref));
  if (!order) throw notFound('order', ref);
  return order;
}
