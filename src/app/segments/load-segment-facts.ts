import type { Customer } from '../../domain/customers/customer.js';
import {
  type CustomerEventFigures,
  NO_REDEMPTIONS,
  orderFigures,
  type SegmentFacts,
} from '../../domain/segments/segment-facts.js';
import type { SegmentFactNeeds } from '../../domain/segments/segment-filter.js';
import type { ProjectStore } from '../ports.js';

/**
 * The facts segment filters read about these customers, keyed by customer id. Only what the
 * filters need is loaded: most filters read the customer alone and cost no further query.
 */
export async function loadSegmentFacts(
  store: ProjectStore,
  customers: readonly Customer[],
  needs: SegmentFactNeeds,
): Promise<Map<string, SegmentFacts>> {
  const ids = customers.map((customer) => customer.id);
  const [orders, redemptions, events] = await Promise.all([
    needs.orders ? store.orders.summarizeForCustomers(ids) : [],
    needs.redemptions ? store.customers.summarizeRedemptions(ids) : [],
    needs.events.length > 0 ? store.segments.summarizeEvents(ids, needs.events) : [],
  ]);
  const ordersOf = new Map(orders.map((summary) => [summary.customer_id, summary]));
  const redemptionsOf = new Map(redemptions.map(({ customer_id, ...figures }) => [customer_id, figures]));
  const eventsOf = new Map<string, Record<string, CustomerEventFigures>>();
  for (const { customer_id, event, count, last_at } of events) {
    const figures = eventsOf.get(customer_id) ?? {};
    figures[event] = { count, last_at };
    eventsOf.set(customer_id, figures);
  }
  return new Map(
    customers.map((customer) => [
      customer.id,
      {
        customer,
        orders: orderFigures(ordersOf.get(customer.id)),
        redemptions: redemptionsOf.get(customer.id) ?? NO_REDEMPTIONS,
        events: eventsOf.get(customer.id) ?? {},
      },
    ]),
  );
}
