import { notFound } from '../domain/errors.js';
import type { Order } from '../domain/orders/order.js';

/**
 * How far a request may change the records it names along the way: a validation's or a
 * redemption's customer, an order's customer and referrer, the products and SKUs of its lines,
 * the order a redemption applies to.
 * - `upsert` (server-side keys), as Voucherify does: what is new is created, what exists is
 *   updated with the request's values.
 * - `create_only` (client-side keys, which are public: they ship in a storefront's JavaScript):
 *   what is new is created, what exists is only referenced. The request's values for it shape this
 *   request's answer and are never written, so a storefront cannot rewrite a customer's email, a
 *   product's price or an order's owner.
 * The route decides once per request; use cases consult only the predicates below.
 */
export type WritePolicy = 'upsert' | 'create_only';

/** Validations price lines against the catalog without writing to it at all. */
export type CatalogWrites = WritePolicy | 'read_only';

export function mayCreate(writes: CatalogWrites): boolean {
  return writes !== 'read_only';
}

export function mayUpdateExisting(writes: CatalogWrites): boolean {
  return writes === 'upsert';
}

/**
 * Refuses a create-only request that names someone else's stored order: taking it over would move
 * the order, and its redemptions, to the request's customer. The refusal is `not_found`, the answer
 * an unknown order id gets, so it neither confirms the order nor says whose it is; `forbidden`
 * would do both. A request naming no customer, or the order's own, may reference the order.
 */
export function checkOrderReference(
  writes: WritePolicy,
  order: Order,
  ref: string,
  requestCustomerId: string | null | undefined,
): void {
  if (mayUpdateExisting(writes) || !order.customer_id || !requestCustomerId) return;
  if (order.customer_id !== requestCustomerId) throw notFound('order', ref);
}
