import { toRulesObject } from '../../domain/rules/format-rules-object.js';
import { parseApplicableTo } from '../../domain/rules/parse-applicable-to.js';
import { invalidValidationRules, parseValidationRules } from '../../domain/rules/parse-validation-rules.js';
import type { ValidationRule } from '../../domain/rules/validation-rule.js';

/** The parts of a validation rule the domain parser checks, as the client sent them. */
export interface RawDefinition {
  rules?: unknown;
  error?: unknown;
  applicable_to?: unknown;
}

/**
 * Checks `rules`, `error` and `applicable_to` together, so one 400 names every problem of the
 * three; answers the stored form of each.
 */
export function checkDefinition(raw: RawDefinition): Pick<ValidationRule, 'rules' | 'error_message' | 'applicable_to'> {
  const parsedRules = parseValidationRules({ rules: raw.rules, error: raw.error });
  const parsedApplicable = parseApplicableTo(raw.applicable_to);
  const problems = [
    ...(parsedRules.ok ? [] : parsedRules.problems),
    ...(parsedApplicable.ok ? [] : parsedApplicable.problems),
  ];
  if (!parsedRules.ok || !parsedApplicable.ok) throw invalidValidationRules(problems);
  return {
    rules: toRulesObject(parsedRules.definition),
    error_message: parsedRules.definition.errorMessage,
    applicable_to: parsedApplicable.applicableTo,
  };
}
