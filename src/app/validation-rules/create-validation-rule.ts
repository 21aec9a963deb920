import type { ValidationRule, ValidationRuleType } from '../../domain/rules/validation-rule.js';
import type { ProjectContext } from '../context.js';
import { checkDefinition, type RawDefinition } from './validation-rule-definition.js';

/** Voucherify's defaults for a rule created without them. */
export const DEFAULT_RULE_TYPE: ValidationRuleType = 'expression';
export const DEFAULT_CONTEXT_TYPE = 'global';

export interface ValidationRuleInput extends RawDefinition {
  name: string;
  type?: ValidationRuleType | null;
  context_type?: string | null;
}

/** POST /validation-rules: refused whole with `invalid_validation_rules` when anything is wrong. */
export async function createValidationRule(ctx: ProjectContext, input: ValidationRuleInput) {
  const rule: ValidationRule = {
    id: ctx.ids.newId('val_'),
    name: input.name,
    ...checkDefinition(input),
    type: input.type ?? DEFAULT_RULE_TYPE,
    context_type: input.context_type ?? DEFAULT_CONTEXT_TYPE,
    created_at: ctx.clock.now().toISOString(),
    updated_at: null,
  };
  await ctx.store.transaction((store) => store.validationRules.insert(rule));
  return { ...rule, assignments_count: 0 };
}
