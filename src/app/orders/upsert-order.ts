import { AppError, notFound } from '../../domain/errors.js';
import type { Order } from '../../domain/orders/order.js';
import { applyOrderChanges, newOrder, type ResolvedOrderChanges } from '../../domain/orders/order-changes.js';
import type { OrderChangesInput } from '../../domain/orders/order-input.js';
import { type CustomerUpsert, upsertCustomer } from '../customers/upsert-customer.js';
import { checkMetadata } from '../metadata-schemas/check-metadata.js';
import type { Clock, Ids, ProjectStore } from '../ports.js';
import { refreshCustomerSegments } from '../segments/refresh-customer-segments.js';
import { checkOrderReference, mayUpdateExisting, type WritePolicy } from '../write-policy.js';
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
  writes: WritePolicy,
): Promise<string | null | undefined> {
  if (party) return (await upsertCustomer(store, clock, ids, party, writes)).id;
  if (partyId) return (await upsertCustomer(store, clock, ids, { id: partyId }, writes)).id;
  if (party === null || partyId === null) return null;
  return undefined;
}

/** Parties already resolved by the caller (a redemption's customer), used instead of looking them up. */
export interface KnownParties {
  customerId?: string;
}

/** The order's customer: the one the order names, else the one its caller resolved. */
function resolveCustomer(
  store: ProjectStore,
  clock: Clock,
  ids: Ids,
  input: OrderUpsert,
  known: KnownParties,
  writes: WritePolicy,
): Promise<string | null | undefined> {
  const { customer, customer_id } = input;
  if (customer || customer_id !== undefined || !known.customerId) {
    return resolveParty(store, clock, ids, customer, customer_id, writes);
  }
  return Promise.resolve(known.customerId);
}

async function resolveChanges(
  store: ProjectStore,
  clock: Clock,
  ids: Ids,
  input: OrderUpsert,
  known: KnownParties,
  writes: WritePolicy,
): Promise<ResolvedOrderChanges> {
  const { id: _id, customer: _c, referrer, customer_id: _cid, referrer_id, items, ...rest } = input;
  const resolved: ResolvedOrderChanges = { ...rest };
  if (items) resolved.items = await resolveOrderItems(store, clock, ids, items, writes);
  const customerId = await resolveCustomer(store, clock, ids, input, known, writes);
  if (customerId !== undefined) resolved.customer_id = customerId;
  const referrerId = await resolveParty(store, clock, ids, referrer, referrer_id, writes);
  if (referrerId !== undefined) resolved.referrer_id = referrerId;
  return resolved;
}

/** An upsert worked out but not written yet: the order as it will be, and whether it is new. */
export interface PreparedOrder {
  order: Order;
  isNew: boolean;
  /** The policy it was worked out under, which `saveOrder` keeps when a new order loses a race. */
  writes: WritePolicy;
}

/**
 * Works out Voucherify's order upsert: an `id` names an existing order, a `source_id` finds or
 * creates one, neither creates a new order. Customers, referrers, products and SKUs it names are
 * created when new; the order itself is written by `saveOrder`, so a redemption can add its
 * discount before the one write. Under `create_only` an existing order is taken as stored (the
 * request's changes to it are ignored, since its discount is worked out on what is written) and
 * only if it is not another customer's.
 */
export async function prepareOrder(
  store: ProjectStore,
  clock: Clock,
  ids: Ids,
  input: OrderUpsert,
  known: KnownParties = {},
  writes: WritePolicy = 'upsert',
): Promise<PreparedOrder> {
  const now = clock.now().toISOString();
  const ref = input.id ?? input.source_id;
  const existing = input.id
    ? await store.orders.findById(input.id)
    : input.source_id
      ? await store.orders.findBySourceId(input.source_id)
      : undefined;
  if (input.id && !existing) throw notFound('order', input.id);
  if (existing && ref && !mayUpdateExisting(writes)) {
    checkOrderReference(writes, existing, ref, await resolveCustomer(store, clock, ids, input, known, writes));
    return { order: existing, isNew: false, writes };
  }
  if (!existing || input.metadata !== undefined) await checkMetadata(store, 'order', input.metadata);
  const changes = await resolveChanges(store, clock, ids, input, known, writes);
  if (existing) {
    const { created_at: _keep, ...rest } = changes;
    return { order: applyOrderChanges(existing, rest, now), isNew: false, writes };
  }
  return { order: newOrder(ids.newId('ord_'), changes, now), isNew: true, writes };
}

/**
 * Writes a prepared order. Two requests creating one new source_id at once both prepare a new
 * order; the insert is conditional, and the loser writes its order over the winner's row (when it
 * may update what exists).
 */
export async function saveOrder(store: ProjectStore, prepared: PreparedOrder): Promise<Order> {
  const { order } = prepared;
  if (!prepared.isNew) {
    await store.orders.update(order);
    return order;
  }
  if (await store.orders.insert(order)) return order;
  const winner = order.source_id ? await store.orders.findBySourceId(order.source_id) : undefined;
  if (!winner) throw new Error('order insert conflicted but no order holds the source_id');
  // A create-only request may not write over the order that appeared meanwhile; refused as a
  // conflict, its transaction changes nothing, and a retry references the order like any other.
  if (!mayUpdateExisting(prepared.writes)) {
    throw new AppError('duplicate_source_id', { details: `Order ${order.source_id} was created meanwhile` });
  }
  const merged = { ...order, id: winner.id, created_at: winner.created_at, updated_at: order.created_at };
  await store.orders.update(merged);
  return merged;
}

export async function upsertOrder(store: ProjectStore, clock: Clock, ids: Ids, input: OrderUpsert): Promise<Order> {
  const saved = await saveOrder(store, await prepareOrder(store, clock, ids, input));
  // The customer's order figures changed: segments that filter on them follow in this transaction.
  if (saved.customer_id) await refreshCustomerSegments({ clock, ids }, store, [saved.customer_id]);
  return saved;
}

/** An order named by its id or, failing that, its source_id. */
export async function getOrderByRef(store: ProjectStore, ref: string): Promise<Order> {
  const order = (await store.orders.findById(ref)) ?? (await store.orders.findBySourceId(ref));
  if (!order) throw notFound('order', ref);
  return order;
}
