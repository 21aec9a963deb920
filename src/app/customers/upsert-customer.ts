import {
  applyCustomerChanges,
  type Customer,
  type CustomerChanges,
  newCustomer,
} from '../../domain/customers/customer.js';
import { notFound } from '../../domain/errors.js';
import type { Clock, Ids, ProjectStore } from '../ports.js';

export interface CustomerUpsert extends CustomerChanges {
  id?: string | null;
}

function changesAnything(customer: Customer, changes: CustomerChanges): boolean {
  const next = applyCustomerChanges(customer, changes, null);
  return JSON.stringify(next) !== JSON.stringify(customer);
}

async function updateIfChanged(store: ProjectStore, clock: Clock, customer: Customer, changes: CustomerChanges) {
  if (!changesAnything(customer, changes)) return customer;
  const updated = applyCustomerChanges(customer, changes, clock.now().toISOString());
  await store.customers.update(updated);
  return updated;
}

/**
 * Voucherify's upsert: an `id` names an existing customer, a `source_id` finds or creates one,
 * neither creates a new customer. Orders, redemptions and publications that name a customer go
 * through here too. Two parallel upserts of one new source_id create one customer: the insert is
 * conditional, and the loser updates the winner's row.
 */
export async function upsertCustomer(
  store: ProjectStore,
  clock: Clock,
  ids: Ids,
  input: CustomerUpsert,
): Promise<Customer> {
  const { id, ...changes } = input;
  if (id) {
    const existing = await store.customers.findById(id);
    if (!existing) throw notFound('customer', id);
    return updateIfChanged(store, clock, existing, changes);
  }
  if (changes.source_id) {
    const existing = await store.customers.findBySourceId(changes.source_id);
    if (existing) return updateIfChanged(store, clock, existing, changes);
  }
  const created = newCustomer(ids.newId('cust_'), changes, clock.now().toISOString());
  if (await store.customers.insert(created)) return created;
  const winner = changes.source_id ? await store.customers.findBySourceId(changes.source_id) : undefined;
  if (!winner) throw new Error('customer insert conflicted but no customer holds the source_id');
  return updateIfChanged(store, clock, winner, changes);
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
