import { notFound } from '../../domain/errors.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { ValidationRuleAssignment, ValidationRuleWithCount } from '../../domain/rules/validation-rule.js';
import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';
import type { AssignmentListFilters } from '../repositories/validation-rule-assignment-repository.js';

export async function getValidationRuleIn(store: ProjectStore, id: string): Promise<ValidationRuleWithCount> {
  const rule = await store.validationRules.findById(id);
  if (!rule) throw notFound('validation_rules', id);
  return rule;
}

export function getValidationRule(ctx: ProjectContext, id: string): Promise<ValidationRuleWithCount> {
  return getValidationRuleIn(ctx.store, id);
}

export function listValidationRules(ctx: ProjectContext, query: ListQuery): Promise<ListPage<ValidationRuleWithCount>> {
  return ctx.store.validationRules.list(query);
}

/** GET /validation-rules/{id}/assignments: a rule that does not exist is a 404, not an empty list. */
export async function listRuleAssignments(
  ctx: ProjectContext,
  ruleId: string,
  query: ListQuery,
): Promise<ListPage<ValidationRuleAssignment>> {
  await getValidationRuleIn(ctx.store, ruleId);
  return ctx.store.validationRuleAssignments.list(query, { rule_id: ruleId });
}

/** GET /validation-rules-assignments, narrowed by rule and by the object assigned. */
export function listAssignments(
  ctx: ProjectContext,
  query: ListQuery,
  filters: AssignmentListFilters,
): Promise<ListPage<ValidationRuleAssignment>> {
  return ctx.store.validationRuleAssignments.list(query, filters);
}
