import { toApplicableToObject } from '../../domain/rules/applicable-items.js';
import type { ApplicableToEntry } from '../../domain/rules/parse-applicable-to.js';
import type { ValidationRuleAssignment, ValidationRuleWithCount } from '../../domain/rules/validation-rule.js';

/** The spec types `source_id` as a text, so an entry without one leaves it out. */
function toApplicableEntry(entry: ApplicableToEntry) {
  const { source_id, ...shown } = toApplicableToObject(entry);
  return source_id === null ? shown : { ...shown, source_id };
}

/** Voucherify's validation rule object; `error` and `updated_at` appear once they are set. */
export function toValidationRuleObject(rule: ValidationRuleWithCount) {
  return {
    id: rule.id,
    name: rule.name,
    rules: rule.rules,
    ...(rule.error_message === null ? {} : { error: { message: rule.error_message } }),
    applicable_to: {
      included: rule.applicable_to.included.map(toApplicableEntry),
      excluded: rule.applicable_to.excluded.map(toApplicableEntry),
      included_all: rule.applicable_to.included_all,
    },
    type: rule.type,
    context_type: rule.context_type,
    created_at: rule.created_at,
    ...(rule.updated_at === null ? {} : { updated_at: rule.updated_at }),
    assignments_count: rule.assignments_count,
    object: 'validation_rules' as const,
  };
}

export function toValidationRuleAssignmentObject(assignment: ValidationRuleAssignment) {
  return {
    id: assignment.id,
    rule_id: assignment.rule_id,
    related_object_id: assignment.related_object_id,
    related_object_type: assignment.related_object_type,
    created_at: assignment.created_at,
    object: 'validation_rules_assignment' as const,
  };
}
