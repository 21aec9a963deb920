import { AppError } from '../../domain/errors.js';
import { invalidStackingRules, parseStackingRules } from '../../domain/stacking/parse-stacking-rules.js';
import { defaultStackingRules, type StoredStackingRules } from '../../domain/stacking/stacking-rules.js';
import type { ManagedProjectContext } from '../context.js';
import { checkNamedCategories } from './check-named-categories.js';

/** What the stacking rules use cases need: the project's store, the time and new ids. */
export type StackingContext = ManagedProjectContext;

/**
 * POST /management/v1/projects/{projectId}/stacking-rules: replaces the defaults with the fields
 * sent (the rest keep their defaults). A project that already has its own rules gets a 409, as the
 * spec says; they change through the update. Nothing is stored when anything is wrong.
 */
export async function createStackingRules(
  ctx: StackingContext,
  input: Readonly<Record<string, unknown>>,
): Promise<StoredStackingRules> {
  const parsed = parseStackingRules(input, defaultStackingRules());
  if (!parsed.ok) throw invalidStackingRules(parsed.problems);
  const stored: StoredStackingRules = {
    id: ctx.ids.newId('stk_'),
    rules: parsed.rules,
    created_at: ctx.clock.now().toISOString(),
    updated_at: null,
  };
  return ctx.store.transaction(async (store) => {
    await checkNamedCategories(store, stored.rules);
    if (!(await store.stackingRules.insert(stored))) {
      throw new AppError('duplicate_found', {
        details: 'The project already has stacking rules; update them instead',
      });
    }
    return stored;
  });
}
