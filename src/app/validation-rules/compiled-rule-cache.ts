import { LRUCache } from 'lru-cache';
import { type CompiledValidationRules, compileValidationRules } from '../../domain/rules/compile-rules.js';
import type { ApplicableToDefinition } from '../../domain/rules/parse-applicable-to.js';
import { parseValidationRules } from '../../domain/rules/parse-validation-rules.js';
import type { ProjectStore } from '../ports.js';
import type { AssignedRule, StoredDefinition } from '../repositories/validation-rule-repository.js';

interface CompiledEntry {
  version: number;
  compiled: CompiledValidationRules;
  applicableTo: ApplicableToDefinition;
}

/**
 * Compiled definitions by rule, kept while the stored definition is unchanged. The version is the
 * rule's revision, raised by every update whichever process makes it, so the next request here
 * sees the change; a rule is read, parsed and compiled once per change, not once per validation.
 */
const compiledRules = new LRUCache<string, CompiledEntry>({ max: 20_000 });

/** Stored definitions were checked when written; one that no longer parses is a bug, not a client error. */
export function compileStoredRule(rule: StoredDefinition): Omit<CompiledEntry, 'version'> {
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

/**
 * The compiled rule, from the cache or read and compiled now; undefined when the rule was
 * deleted since it was looked up. A rule changed between the lookup and the read is cached under
 * the older revision, so the next request reads it again.
 */
export async function compiledRuleOf(store: ProjectStore, assigned: AssignedRule): Promise<CompiledEntry | undefined> {
  const key = `${store.projectId}:${assigned.ruleId}`;
  const cached = compiledRules.get(key);
  if (cached && cached.version === assigned.version) return cached;
  const definition = await store.validationRules.findDefinition(assigned.ruleId);
  if (!definition) return undefined;
  const entry = { version: assigned.version, ...compileStoredRule(definition) };
  compiledRules.set(key, entry);
  return entry;
}
