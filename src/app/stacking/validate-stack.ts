import type { Customer } from '../../domain/customers/customer.js';
import type { Order } from '../../domain/orders/order.js';
import { applyStack, type StackOutcome } from '../../domain/stacking/apply-stack.js';
import type { StackingRules } from '../../domain/stacking/stacking-rules.js';
import type { ProjectContext } from '../context.js';
import { upsertCustomer } from '../customers/upsert-customer.js';
import { previewOrder } from '../redemptions/request-order.js';
import type { WritePolicy } from '../write-policy.js';
import { type JudgedEntry, judgeStackEntries } from './judge-stack-entries.js';
import { type LoadedStack, loadStackEntries } from './load-stack-entries.js';
import { checkStackRequest, type StackRequest } from './stack-request.js';
import { getProjectStackingRules } from './stacking-rules-queries.js';

/** What a stacked validation found: each redeemable's fate, the order after them, the rules used. */
export interface StackValidation {
  outcome: StackOutcome<JudgedEntry>;
  loaded: LoadedStack;
  customer: Customer | null;
  order: Order | null;
  rules: StackingRules;
}

/**
 * POST /validations: whether the redeemables can be used together on this cart by this customer,
 * as the project's stacking rules combine them, and what each gives in turn. Nothing is counted
 * or stored, except the customer the request names, in a transaction of its own (as a single
 * validation does).
 */
export async function validateStack(
  ctx: ProjectContext,
  request: StackRequest,
  writes: WritePolicy = 'upsert',
): Promise<StackValidation> {
  const { store } = ctx;
  const { rules } = await getProjectStackingRules(store);
  checkStackRequest(request, rules);
  // Everything that can refuse the request comes before the customer's write.
  const order = request.order ? await previewOrder(store, ctx.clock, ctx.ids, request.order) : null;
  const loaded = await loadStackEntries(ctx, store, request.redeemables);
  const input = request.customer;
  const customer = input
    ? await store.transaction((tx) => upsertCustomer(tx, ctx.clock, ctx.ids, input, writes))
    : null;
  const pricedOrder = order && customer && !order.customer_id ? { ...order, customer_id: customer.id } : order;
  // A create-only request's own values shape the answer, never the decision: rules judge what is stored.
  const judged =
    customer && writes !== 'upsert' ? ((await store.customers.findById(customer.id)) ?? customer) : customer;
  const entries = await judgeStackEntries(ctx, store, loaded.entries, {
    order: pricedOrder,
    customer: judged,
    metadata: request.metadata ?? null,
    lockCounts: false,
  });
  const outcome = applyStack(entries, pricedOrder, loaded.categoriesById, rules);
  return { outcome, loaded, customer, order: pricedOrder, rules };
}
