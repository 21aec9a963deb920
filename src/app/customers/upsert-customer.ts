import {
  applyCustomerChanges,
  type Customer,
  type CustomerChanges,
  newCustomer,
} from '../../domain/customers/customer.js';
import { notFound } from '../../domain/errors.js';
import type { ProjectContext } from '../context.js';
import { checkMetadata } from '../metadata-schemas/check-metadata.js';
import type { Clock, Ids, ProjectStore } from '../ports.js';
import { refreshCustomerSegments } from '../segments/refresh-customer-segments.js';
import { mayUpdateExisting, type WritePolicy } from '../write-policy.js';

export interface CustomerUpsert extends CustomerChanges {
  id?: string | null;
}

/** Whether the request's changes would make a stored customer any different. */
export function changesAnything(customer: Customer, changes: CustomerChanges): boolean {
  const next = applyCustomerChanges(customer, changes, null);
  return JSON.stringify(next) !== JSON.stringify(customer);
}

/**
 * An existing customer after the request: updated when the policy lets it, otherwise only as this
 * request describes it (its answer shows the request's own values) and never written.
 */
async function updateIfChanged(
  store: ProjectStore,
  clock: Clock,
  customer: Customer,
  changes: CustomerChanges,
  writes: WritePolicy,
  ids: Ids,
) {
  if (!mayUpdateExisting(writes)) return applyCustomerChanges(customer, changes, null);
  if (!changesAnything(customer, changes)) return customer;
  if (changes.metadata !== undefined) await checkMetadata(store, 'customer', changes.metadata);
  const updated = applyCustomerChanges(customer, changes, clock.now().toISOString());
  await store.customers.update(updated);
  await refreshCustomerSegments({ clock, ids }, store, [updated.id]);
  return updated;
}

/**
 * Voucherify's upsert: an `id` names an existing customer, a `source_id` finds or creates one,
 * neither creates a new customer. Orders, redemptions and publications that name a customer go
 * through here too. Two parallel upserts of one new source_id create one customer: the insert is
 * conditional, and the loser updates the winner's row. Under `create_only` an existing customer is
 * never written (see write-policy.ts).
 */
export async function upsertCustomer(
  store: ProjectStore,
  clock: Clock,
  ids: Ids,
  input: CustomerUpsert,
  writes: WritePolicy = 'upsert',
): Promise<Customer> {
  const { id, ...changes } = input;
  if (id) {
    const existing = await store.customers.findById(id);
    if (!existing) throw notFound('customer', id);
    return updateIfChanged(store, clock, existing, changes, writes, ids);
  }
  if (changes.source_id) {
    const existing = await store.customers.findBySourceId(changes.source_id);
    if (existing) return updateIfChanged(store, clock, existing, changes, writes, ids);
  }
  await checkMetadata(store, 'customer', changes.metadata);
  const created = newCustomer(ids.newId('cust_'), changes, clock.now().toISOString());
  if (await store.customers.insert(created)) {
    await refreshCustomerSegments({ clock, ids }, store, [created.id]);
    return created;
  }
  const winner = changes.source_id ? await store.customers.findBySourceId(changes.source_id) : undefined;
  if (!winner) throw new Error('customer insert conflicted but no customer holds the source_id');
  return updateIfChanged(store, clock, winner, changes, writes, ids);
}

/** One customer upsert as a use case of its own, in its own transaction. */
export function upsertCustomerInProject(
  ctx: ProjectContext,
  input: CustomerUpsert,
  writes: WritePolicy,
): Promise<Customer> {
  return ctx.store.transaction((store) => upsertCustomer(store, ctx.clock, ctx.ids, input, writes));
}

/** A customer named by its id or, failing that, its source_id, as Voucherify's paths allow. */
export function findCustomerByRef(store: ProjectStore, ref: string): Promise<Customer | undefined> {
  return store.customers.findByRef(ref);
}

export async function getCustomerByRef(store: ProjectStore, ref: string): Promise<Customer> {
  const customer = await findCustomerByRef(store, ref);
  if (!customer) throw notFound('customer', ref);
  return customer;
}
