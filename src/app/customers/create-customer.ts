import type { Customer } from '../../domain/customers/customer.js';
import type { ProjectContext } from '../context.js';
import { type CustomerUpsert, upsertCustomer } from './upsert-customer.js';

export function createCustomer(ctx: ProjectContext, input: CustomerUpsert): Promise<Customer> {
  return ctx.store.transaction((store) => upsertCustomer(store, ctx.clock, ctx.ids, input));
}
