import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { Order } from '../../domain/orders/order.js';

/** A customer's order figures, for the customer's `summary.orders`. */
export interface CustomerOrderSummary {
  customer_id: string;
  total_amount: number;
  total_count: number;
  last_order_amount: number | null;
  last_order_date: string | null;
}

export interface OrderListFilters {
  /**
   * Vouch's list search, partly and whatever the case: the order's source_id or id, or its
   * customer's source_id, name or email.
   */
  search?: string;
}

export interface OrderRepository {
  findById(id: string): Promise<Order | undefined>;
  findBySourceId(sourceId: string): Promise<Order | undefined>;
  /** Inserts unless the source_id is taken; answers whether it inserted. */
  insert(order: Order): Promise<boolean>;
  update(order: Order): Promise<void>;
  list(query: ListQuery, filters?: OrderListFilters): Promise<ListPage<Order>>;
  /** Order figures of these customers, counting orders that were paid or fulfilled. */
  summarizeForCustomers(customerIds: readonly string[]): Promise<CustomerOrderSummary[]>;
  /** Removes a customer's orders (permanent deletion); answers how many. */
  deleteForCustomer(customerId: string): Promise<number>;
}
