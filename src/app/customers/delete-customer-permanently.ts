import type { ProjectContext } from '../context.js';
import { getCustomerByRef } from './upsert-customer.js';

/** What a permanent deletion removed, in Voucherify's (misspelt) `pernament_deletion` object. */
export interface PermanentDeletion {
  id: string;
  created_at: string;
  related_object_id: string;
  related_object: 'customer';
  status: 'DONE';
  data_json: {
    events: number;
    customer_events: number;
    daily_events: number;
    segments: number;
    orders: number;
    order_events: number;
    customer: number;
  };
  object: 'pernament_deletion';
}

/** Forgets a customer: the profile and the orders that name it, in one transaction. */
export function deleteCustomerPermanently(ctx: ProjectContext, ref: string): Promise<PermanentDeletion> {
  return ctx.store.transaction(async (store) => {
    const customer = await getCustomerByRef(store, ref);
    const orders = await store.orders.deleteForCustomer(customer.id);
    const segments = await store.segments.removeCustomer(customer.id);
    const events = await store.customEvents.deleteForCustomer(customer.id);
    await store.customers.delete(customer.id);
    return {
      id: ctx.ids.newId('del_'),
      created_at: ctx.clock.now().toISOString(),
      related_object_id: customer.id,
      related_object: 'customer',
      status: 'DONE',
      data_json: { events, customer_events: 0, daily_events: 0, segments, orders, order_events: 0, customer: 1 },
      object: 'pernament_deletion',
    };
  });
}
