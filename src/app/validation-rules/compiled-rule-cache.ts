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
 * The compiled rules by rule id, from the cache or read (all the missing ones in one query) and
 * compiled now; a rule deleted since it was looked up is absent. A rule changed between the lookup
 * and the read is cached under the older revision, so the next request reads it again.
 */
export async function compiledRulesOf(
  store: ProjectStore,
  assigned: readonly AssignedRule[],
): Promise<Map<string, CompiledEntry>> {
  const entries = new Map<string, CompiledEntry>();
  const stale = new Map<string, number>();
  for (const rule of assigned) {
    const cached = compiledRules.get(`${store.projectId}:${rule.ruleId}`);
    if (cached && cached.version === rule.version) entries.set(rule.ruleId, cached);
    else stale.set(rule.ruleId, rule.version);
  }
  if (stale.size === 0) return entries;
  for (const definition of await store.validationRules.findDefinitions([...stale.keys()])) {
    const entry = { version: stale.get(definition.id) as number, ...compileStoredRule(definition) };
    compiledRules.set(`${store.projectId}:${definition.id}`, entry);
    entries.set(definition.id, entry);
  }
  return entries;
}
