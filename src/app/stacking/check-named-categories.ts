import { notFound } from '../../domain/errors.js';
import { listNamedCategories, type StackingRules } from '../../domain/stacking/stacking-rules.js';
import type { ProjectStore } from '../ports.js';

/**
 * Every category the rules name must be one of the project's: the first missing one is a 404.
 * Runs inside the writing transaction; the categories found stay locked against deletion until it
 * commits, so rules never name a category deleted meanwhile.
 */
export async function checkNamedCategories(store: ProjectStore, rules: StackingRules): Promise<void> {
  const named = listNamedCategories(rules);
  const existing = await store.stackingRules.lockExistingCategories(named);
  const missing = named.find((id) => !existing.has(id));
  if (missing !== undefined) throw notFound('category', missing);
}
