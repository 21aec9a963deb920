import type { Customer } from '../../domain/customers/customer.js';
import { applyCustomerChanges } from '../../domain/customers/customer.js';
import type { ProjectContext } from '../context.js';
import { mayUpdateExisting, type WritePolicy } from '../write-policy.js';
import { type CustomerUpsert, changesAnything, upsertCustomer } from './upsert-customer.js';

/** The customer a validation names: as its answer shows it, and as its rules judge it (what is stored). */
export interface RequestCustomer {
  customer: Customer;
  judged: Customer;
}

/**
 * Stores the customer a validation names as Voucherify does (created when new, updated as far as
 * `writes` allows), in a transaction of its own with the segment changes that causes. A known
 * customer the request leaves as it is, the usual case at checkout, costs one read and no
 * transaction. Under a create-only key the request's values shape the answer but never the
 * decision: the rules judge the stored customer.
 */
export async function storeRequestCustomer(
  ctx: ProjectContext,
  input: CustomerUpsert,
  writes: WritePolicy,
): Promise<RequestCustomer> {
  const { id, ...changes } = input;
  const { customers } = ctx.store;
  const stored = id
    ? await customers.findById(id)
    : changes.source_id
      ? await customers.findBySourceId(changes.source_id)
      : undefined;
  if (stored && !mayUpdateExisting(writes))
    return { customer: applyCustomerChanges(stored, changes, null), judged: stored };
  if (stored && !changesAnything(stored, changes)) return { customer: stored, judged: stored };
  const customer = await ctx.store.transaction((tx) => upsertCustomer(tx, ctx.clock, ctx.ids, input, writes));
  const judged = writes === 'upsert' ? customer : ((await customers.findById(customer.id)) ?? customer);
  return { customer, judged };
}
