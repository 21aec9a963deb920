import { LRUCache } from 'lru-cache';
import { type CompiledValidationRules, compileValidationRules } from '../../domain/rules/compile-rules.js';
import type { ApplicableToDefinition } from '../../domain/rules/parse-applicable-to.js';
import { parseValidationRules } from '../../domain/rules/parse-validation-rules.js';
import type { ValidationRule } from '../../domain/rules/validation-rule.js';
import type { AssignedRule } from '../repositories/validation-rule-repository.js';

interface CompiledEntry {
  version: string;
  compiled: CompiledValidationRules;
  applicableTo: ApplicableToDefinition;
}

/**
 * Compiled definitions by rule, kept while the stored definition is unchanged. The version is
 * the stored definition itself, so an update made by any process is seen by the next request
 * here; a rule is parsed and compiled once per change, not once per validation.
 */
const compiledRules = new LRUCache<string, CompiledEntry>({ max: 20_000 });

/** Stored definitions were checked when written; one that no longer parses is a bug, not a client error. */
export function compileStoredRule(rule: ValidationRule): Omit<CompiledEntry, 'version'> {
  const parsed = parseValidationRules({
    rules: rule.rules,
    error: rule.error_message === null ? undefined : { message: rule.error_message },
  });
  if (!parsed.ok) throw new Error(`stored validation rule ${rule.id} does not parse`);
  return {
    compiled: compileValidationRules(parsed.definition),
    applicableTo: rule.applicable_to,
  };
}

export function compiledRuleOf(projectId: string, assigned: AssignedRule): CompiledEntry {
  const key = `${projectId}:${assigned.ruleId}`;
  const cached = compiledRules.get(key);
  if (cached && cached.version === assigned.version) return cached;
  const entry = { version: assigned.version, ...compileStoredRule(assigned.read()) };
  compiledRules.set(key, entry);
  return entry;
}
