import { notFound } from '../../domain/errors.js';
import type { ProjectContext } from '../context.js';
import { getValidationRuleIn } from './validation-rule-queries.js';

/** DELETE /validation-rules/{id}/assignments/{assignmentId}: the assignment must belong to the rule. */
export function deleteValidationRuleAssignment(
  ctx: ProjectContext,
  ruleId: string,
  assignmentId: string,
): Promise<void> {
  return ctx.store.transaction(async (store) => {
    await getValidationRuleIn(store, ruleId);
    if (!(await store.validationRuleAssignments.delete(ruleId, assignmentId))) {
      throw notFound('validation_rules_assignment', assignmentId);
    }
    await store.promotionIndex.raiseVersion();
  });
}
