import { applyCustomerChanges, type Customer, newCustomer } from '../../domain/customers/customer.js';
import { notFound } from '../../domain/errors.js';
import type { Metadata } from '../../domain/metadata.js';
import type { Order } from '../../domain/orders/order.js';
import type { AssignedDefinition } from '../../domain/rules/check-assigned-rules.js';
import { judgeEachRule, type RuleOutcome } from '../../domain/rules/judge-each-rule.js';
import type { ValidationRule } from '../../domain/rules/validation-rule.js';
import type { ProjectContext } from '../context.js';
import type { CustomerUpsert } from '../customers/upsert-customer.js';
import type { OrderUpsert } from '../orders/upsert-order.js';
import { previewOrder } from '../redemptions/request-order.js';
import { checkUncountedRules, openRuleFactsSession, type VoucherRulesCheck } from '../redemptions/voucher-rules.js';
import { compileStoredRule } from './compiled-rule-cache.js';

/** What a rule is checked against: the facts a validation would bring. */
export interface RuleCheckRequest {
  customer?: CustomerUpsert | null;
  order?: OrderUpsert | null;
  metadata?: Metadata | null;
}

export interface RuleCheckOutcome {
  rule: ValidationRule;
  check: VoucherRulesCheck;
  /** Each rule the logic names, judged on its own against the same facts; counting rules unknown. */
  conditions: readonly RuleOutcome[];
  order: Order | null;
}

/** The customer as the request describes it, stored one or not, without writing anything. */
async function previewCustomer(ctx: ProjectContext, input: CustomerUpsert): Promise<Customer> {
  const { id, ...changes } = input;
  const existing = id
    ? await ctx.store.customers.findById(id)
    : changes.source_id
      ? await ctx.store.customers.findBySourceId(changes.source_id)
      : undefined;
  if (id && !existing) throw notFound('customer', id);
  const now = ctx.clock.now().toISOString();
  return existing ? applyCustomerChanges(existing, changes, now) : newCustomer('', changes, now);
}

/**
 * POST /validation-rules/{id}/validation: whether a cart and customer meet one rule, and which
 * lines its `applicable_to` reaches, and how each of its rules came out on its own, without a
 * voucher and without storing anything. No voucher means no redemptions to count: counting rules
 * see unknown counts (the overall check reads them as any validation reads a count it lacks, and
 * each is listed as unknown).
 */
export async function checkValidationRule(
  ctx: ProjectContext,
  id: string,
  request: RuleCheckRequest,
): Promise<RuleCheckOutcome> {
  const rule = await ctx.store.validationRules.findById(id);
  if (!rule) throw notFound('validation_rules', id);
  const order = request.order ? await previewOrder(ctx.store, ctx.clock, ctx.ids, request.order) : null;
  const customer = request.customer ? await previewCustomer(ctx, request.customer) : null;
  const definition: AssignedDefinition = {
    ruleId: rule.id,
    scope: { type: 'voucher', id: '' },
    ...compileStoredRule(rule),
  };
  const session = await openRuleFactsSession(ctx.store, ctx.clock, ctx.project.settings.timezone, [definition], {
    order,
    customer,
    metadata: request.metadata ?? null,
    lockCounts: false,
  });
  // Without a voucher there is no subject to count for: the session's uncounted facts are the facts.
  const check = checkUncountedRules(session, [definition]);
  return { rule, check, conditions: judgeEachRule(definition.compiled, session.uncounted), order };
}
