import type { ProjectContext } from '../context.js';
import { getCustomerByRef } from './upsert-customer.js';

export function deleteCustomer(ctx: ProjectContext, ref: string): Promise<void> {
  return ctx.store.transaction(async (store) => {
    const customer = await getCustomerByRef(store, ref);
    await store.segments.removeCustomer(customer.id);
    await store.customers.delete(customer.id);
  });
}
