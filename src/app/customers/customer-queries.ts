import type { Customer } from '../../domain/customers/customer.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';
import type { CustomerListFilters, CustomerRedemptionSummary } from '../repositories/customer-repository.js';
import type { CustomerOrderSummary } from '../repositories/order-repository.js';
import type { ReferralHolder } from '../repositories/referral-repository.js';
import { getCustomerByRef } from './upsert-customer.js';

/** A customer with the figures its `summary` shows, gathered in one query per page. */
export interface SummarizedCustomer {
  customer: Customer;
  orders: CustomerOrderSummary | undefined;
  redemptions: CustomerRedemptionSummary | undefined;
  /** Where the customer was referred: their `referrals` summary. */
  referrals?: readonly ReferralHolder[];
}

export async function summarizeCustomers(store: ProjectStore, customers: Customer[]): Promise<SummarizedCustomer[]> {
  const ids = customers.map((c) => c.id);
  const summaries = await store.orders.summarizeForCustomers(ids);
  const byCustomer = new Map(summaries.map((s) => [s.customer_id, s]));
  const redemptions = new Map((await store.customers.summarizeRedemptions(ids)).map((s) => [s.customer_id, s]));
  const referrals = new Map<string, ReferralHolder[]>();
  for (const link of await store.referrals.listRefereeLinks(ids)) {
    referrals.set(link.customer_id, [...(referrals.get(link.customer_id) ?? []), link]);
  }
  return customers.map((customer) => ({
    customer,
    orders: byCustomer.get(customer.id),
    redemptions: redemptions.get(customer.id),
    referrals: referrals.get(customer.id) ?? [],
  }));
}

export async function summarizeCustomer(store: ProjectStore, customer: Customer): Promise<SummarizedCustomer> {
  const [summarized] = await summarizeCustomers(store, [customer]);
  return summarized as SummarizedCustomer;
}

export async function getCustomer(ctx: ProjectContext, ref: string): Promise<SummarizedCustomer> {
  return summarizeCustomer(ctx.store, await getCustomerByRef(ctx.store, ref));
}

export async function listCustomers(
  ctx: ProjectContext,
  query: ListQuery,
  filters: CustomerListFilters,
): Promise<ListPage<SummarizedCustomer>> {
  const page = await ctx.store.customers.list(query, filters);
  return { ...page, items: await summarizeCustomers(ctx.store, page.items) };
}
