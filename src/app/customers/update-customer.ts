import { applyCustomerChanges, type Customer, type CustomerChanges } from '../../domain/customers/customer.js';
import type { ProjectContext } from '../context.js';
import { checkMetadata } from '../metadata-schemas/check-metadata.js';
import { refreshCustomerSegments } from '../segments/refresh-customer-segments.js';
import { getCustomerByRef } from './upsert-customer.js';

/** PUT /customers/{id|source_id}: sets the given fields, leaves the rest. */
export function updateCustomer(ctx: ProjectContext, ref: string, changes: CustomerChanges): Promise<Customer> {
  return ctx.store.transaction(async (store) => {
    const customer = await getCustomerByRef(store, ref);
    const updated = applyCustomerChanges(customer, changes, ctx.clock.now().toISOString());
    if (changes.metadata !== undefined) await checkMetadata(store, 'customer', updated.metadata);
    await store.customers.update(updated);
    await refreshCustomerSegments(ctx, store, [updated.id]);
    return updated;
  });
}
