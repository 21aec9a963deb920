import type { Customer } from '../../domain/customers/customer.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';

export interface CustomerListFilters {
  email?: string;
  city?: string;
  name?: string;
  /** Vouch's list search: name, email, source_id or id, partly and whatever the case. */
  search?: string;
  /** `created_at` cursor used by the SDK's `customers.scroll`: strictly after (asc) or before (desc) it. */
  starting_after?: string;
}

/**
 * A customer's redemption figures, for the customer's `summary.redemptions`. Attempts are counted
 * as they happened: a redemption later rolled back stays succeeded, and counts in `rolled_back`
 * too, while its rollback counts in `rollback_succeeded`. `redeemed` = `succeeded` + `failed`.
 */
export interface CustomerRedemptionSummary {
  customer_id: string;
  total_redeemed: number;
  total_failed: number;
  total_succeeded: number;
  total_rolled_back: number;
  total_rollback_failed: number;
  total_rollback_succeeded: number;
}

export interface CustomerRepository {
  findById(id: string): Promise<Customer | undefined>;
  /**
   * The stored customer, its row locked until the transaction ends (where the database has row
   * locks). Redemptions and rollbacks take it before any voucher or campaign lock: one lock order.
   */
  findForUpdate(id: string): Promise<Customer | undefined>;
  findBySourceId(sourceId: string): Promise<Customer | undefined>;
  /** The customer whose id is `ref`, else the one whose source_id is `ref`, in one query. */
  findByRef(ref: string): Promise<Customer | undefined>;
  findManyByIds(ids: readonly string[]): Promise<Customer[]>;
  /** Inserts unless the source_id is taken; answers whether it inserted. */
  insert(customer: Customer): Promise<boolean>;
  update(customer: Customer): Promise<void>;
  delete(id: string): Promise<boolean>;
  list(query: ListQuery, filters: CustomerListFilters): Promise<ListPage<Customer>>;
  /** Redemption figures of these customers, in one grouped query; customers without any are left out. */
  summarizeRedemptions(customerIds: readonly string[]): Promise<CustomerRedemptionSummary[]>;
}
