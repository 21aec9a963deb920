import { startCalculation } from '../../domain/discounts/calculated-order.js';
import { AppError } from '../../domain/errors.js';
import { toApplicableToLists } from '../../domain/rules/applicable-items.js';
import type { RuleCheckOutcome } from '../validation-rules/check-validation-rule.js';
import { toCalculatedOrderObject } from './calculated-order-view.js';
import { toErrorObject } from './error-view.js';

/**
 * The answer of POST /validation-rules/{id}/validation: `valid`, and when not, the error a
 * validation would carry (the failing rule's key and message) with every rule that decided it;
 * when valid, the lines the rule's `applicable_to` reaches. Either way `conditions`, a Vouch
 * extension: each rule the logic names with whether the cart meets it on its own (null: unknown).
 */
export function toRuleCheckObject({ rule, check, conditions, order }: RuleCheckOutcome, requestId: string) {
  const common = {
    rule_id: rule.id,
    object: 'validation_rules_validation' as const,
    conditions: conditions.map((outcome) => ({ rule: outcome.ruleKey, name: outcome.ruleName, met: outcome.met })),
  };
  if (!check.outcome.passed) {
    const [first] = check.outcome.failed;
    const error = new AppError(first?.errorKey ?? 'order_rules_violated', {
      ...(first ? { message: first.message } : {}),
      resource_id: rule.id,
      resource_type: 'validation_rule',
    });
    return {
      valid: false as const,
      ...common,
      error: toErrorObject(error, requestId),
      failed_rules: check.outcome.failed.map((failed) => ({
        rule: failed.ruleKey,
        name: failed.ruleName,
        key: failed.errorKey,
        message: failed.message,
      })),
    };
  }
  const calculated = order ? startCalculation(order) : null;
  return {
    valid: true as const,
    ...common,
    ...toApplicableToLists(
      rule.applicable_to,
      calculated ? { items: calculated.items, targets: check.targets } : undefined,
    ),
    ...(calculated ? { order: toCalculatedOrderObject(calculated) } : {}),
  };
}
