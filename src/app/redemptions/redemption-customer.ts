import type { Customer } from '../../domain/customers/customer.js';
import type { AssignedDefinition } from '../../domain/rules/check-assigned-rules.js';
import type { ProjectStore } from '../ports.js';
import type { WritePolicy } from '../write-policy.js';

/**
 * Whether the rest of the transaction needs the customer's row locked before any campaign, tier
 * or voucher row: a per-customer count must not change under it, and a segment refresh would
 * otherwise lock the customer last, against every other redemption that locked it first. Without
 * either (the usual project) nothing is locked and no statement is spent on it.
 */
async function needsCustomerLock(store: ProjectStore, definitions: readonly AssignedDefinition[]): Promise<boolean> {
  return countsCustomer(definitions) || (await store.segments.listFiltered()).length > 0;
}

function countsCustomer(definitions: readonly AssignedDefinition[]): boolean {
  return definitions.some(({ compiled }) => compiled.requiredFacts.counters.includes('customerRedemptionsCount'));
}

/**
 * The redemption's customer as its rules judge it, locked first when the transaction needs that.
 * Under a create-only key the request's values shape the answer but never the decision: the
 * rules judge the stored customer.
 */
export async function lockRedemptionCustomer(
  store: ProjectStore,
  customer: Customer | null,
  writes: WritePolicy,
  definitions: readonly AssignedDefinition[],
): Promise<Customer | null> {
  if (!customer) return null;
  if (await needsCustomerLock(store, definitions)) {
    const stored = await store.customers.findForUpdate(customer.id);
    return writes === 'upsert' ? customer : (stored ?? customer);
  }
  if (writes === 'upsert') return customer;
  return (await store.customers.findById(customer.id)) ?? customer;
}

/** A rollback locks its customer first when its segment refresh will: one lock order for all. */
export async function lockRollbackCustomer(store: ProjectStore, customerId: string | null): Promise<void> {
  if (customerId && (await needsCustomerLock(store, []))) await store.customers.findForUpdate(customerId);
}

/**
 * A session's reservation locks its customer first when a rule counts the customer's uses, as a
 * redemption does: the reservation it adds must not slip past one of theirs counting in parallel.
 */
export async function lockReservingCustomer(
  store: ProjectStore,
  customerId: string | null,
  definitions: readonly AssignedDefinition[],
): Promise<void> {
  if (customerId && countsCustomer(definitions)) await store.customers.findForUpdate(customerId);
}
