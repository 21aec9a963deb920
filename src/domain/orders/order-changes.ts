import { invalidPayload } from '../errors.js';
import type { Order, OrderItem } from './order.js';
import type { OrderChangesInput } from './order-input.js';
import { computeOrderTotals } from './price-order.js';

/** What an upsert resolved before the order itself changes: priced lines and the parties. */
export interface ResolvedOrderChanges extends Omit<OrderChangesInput, 'items'> {
  /** The new lines, priced; absent when the request leaves the lines as they are. */
  items?: OrderItem[];
  customer_id?: string | null;
  referrer_id?: string | null;
}

/**
 * A shop's creation time in the one form every timestamp takes (UTC, milliseconds, `Z`), so lists
 * that sort and filter on the text order it truly in time.
 */
function normalizeCreatedAt(value: string): string {
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw invalidPayload(`Property .created_at should be a date-time, got ${value}`);
  return time.toISOString();
}

export function newOrder(id: string, changes: ResolvedOrderChanges, now: string): Order {
  const items = changes.items ?? [];
  return {
    id,
    source_id: changes.source_id ?? null,
    status: changes.status ?? 'CREATED',
    ...computeOrderTotals(items, changes),
    items,
    metadata: changes.metadata ?? {},
    customer_id: changes.customer_id ?? null,
    referrer_id: changes.referrer_id ?? null,
    created_at: changes.created_at ? normalizeCreatedAt(changes.created_at) : now,
    updated_at: null,
  };
}

/**
 * The order after an update: given fields replace, absent ones stay. New lines replace the old
 * ones and, unless the shop states the amount too, the amount becomes their sum; otherwise the
 * stated and stored amounts are kept and the totals recomputed from them.
 */
export function applyOrderChanges(order: Order, changes: ResolvedOrderChanges, now: string): Order {
  const items = changes.items ?? order.items;
  const keep = <T>(given: T | null | undefined, stored: T): T | undefined =>
    given !== undefined && given !== null ? given : changes.items ? undefined : stored;
  const totals = computeOrderTotals(items, {
    amount: keep(changes.amount, order.amount),
    initial_amount: keep(changes.initial_amount, order.initial_amount),
    discount_amount: changes.discount_amount ?? order.discount_amount,
  });
  return {
    ...order,
    source_id: changes.source_id !== undefined ? changes.source_id : order.source_id,
    status: changes.status ?? order.status,
    ...totals,
    items,
    metadata: changes.metadata !== undefined ? (changes.metadata ?? {}) : order.metadata,
    customer_id: changes.customer_id !== undefined ? changes.customer_id : order.customer_id,
    referrer_id: changes.referrer_id !== undefined ? changes.referrer_id : order.referrer_id,
    updated_at: now,
  };
}
