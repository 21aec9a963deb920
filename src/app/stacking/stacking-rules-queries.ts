import { notFound } from '../../domain/errors.js';
import {
  defaultStackingRules,
  type StackingRules,
  type StackingRulesType,
  type StoredStackingRules,
  stackingRulesTypeOf,
} from '../../domain/stacking/stacking-rules.js';
import type { ProjectStore } from '../ports.js';

/** The rules in force: the project's own, or the defaults (which have no id). */
export interface ProjectStackingRules {
  readonly stored: StoredStackingRules | undefined;
  readonly rules: StackingRules;
}

export async function getProjectStackingRules(store: ProjectStore): Promise<ProjectStackingRules> {
  const stored = await store.stackingRules.find();
  return { stored, rules: stored?.rules ?? defaultStackingRules() };
}

/** The project's stored rules under their id; the defaults have none, so they are never found by id. */
export async function getStackingRules(store: ProjectStore, id: string): Promise<StoredStackingRules> {
  const stored = await store.stackingRules.find();
  if (!stored || stored.id !== id) throw notFound('stacking_rules', id);
  return stored;
}

/** A lookup of each category's stacking type under the project's rules, read once. */
export async function loadStackingRulesTypes(
  store: ProjectStore,
): Promise<(categoryId: string) => StackingRulesType | undefined> {
  const { rules } = await getProjectStackingRules(store);
  return (categoryId) => stackingRulesTypeOf(categoryId, rules);
}
