import type {
  ValidationRule,
  ValidationRuleType,
  ValidationRuleWithCount,
} from '../../domain/rules/validation-rule.js';
import type { ProjectContext } from '../context.js';
import { checkDefinition } from './validation-rule-definition.js';
import { getValidationRuleIn } from './validation-rule-queries.js';

/** Absent or null fields stay as they are; `rules` and `applicable_to`, when sent, replace the stored ones whole. */
export interface ValidationRuleChanges {
  name?: string | null;
  rules?: unknown;
  error?: unknown;
  applicable_to?: unknown;
  type?: ValidationRuleType | null;
  context_type?: string | null;
}

function isSent(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** PUT /validation-rules/{id}: the merged definition is checked again, as on create. */
export function updateValidationRule(
  ctx: ProjectContext,
  id: string,
  changes: ValidationRuleChanges,
): Promise<ValidationRuleWithCount> {
  return ctx.store.transaction(async (store) => {
    const stored = await getValidationRuleIn(store, id);
    const definition = checkDefinition({
      rules: isSent(changes.rules) ? changes.rules : stored.rules,
      error: isSent(changes.error)
        ? changes.error
        : stored.error_message === null
          ? undefined
          : { message: stored.error_message },
      applicable_to: isSent(changes.applicable_to) ? changes.applicable_to : stored.applicable_to,
    });
    const updated: ValidationRule = {
      ...stored,
      ...definition,
      name: changes.name ?? stored.name,
      type: changes.type ?? stored.type,
      context_type: changes.context_type ?? stored.context_type,
      updated_at: ctx.clock.now().toISOString(),
    };
    await store.validationRules.update(updated);
    await store.promotionIndex.raiseVersion();
    return { ...updated, assignments_count: stored.assignments_count };
  });
}
