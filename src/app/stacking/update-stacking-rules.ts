import { notFound } from '../../domain/errors.js';
import { invalidStackingRules, parseStackingRules } from '../../domain/stacking/parse-stacking-rules.js';
import type { StoredStackingRules } from '../../domain/stacking/stacking-rules.js';
import { checkNamedCategories } from './check-named-categories.js';
import type { StackingContext } from './create-stacking-rules.js';

/**
 * PUT .../stacking-rules/{id}: the fields sent replace the stored ones (a list whole), null puts a
 * field's default back, the rest stay. The row is locked while the change is merged, so two
 * concurrent updates both land, the second on top of the first.
 */
export function updateStackingRules(
  ctx: StackingContext,
  id: string,
  input: Readonly<Record<string, unknown>>,
): Promise<StoredStackingRules> {
  return ctx.store.transaction(async (store) => {
    const stored = await store.stackingRules.findForUpdate();
    if (!stored || stored.id !== id) throw notFound('stacking_rules', id);
    const parsed = parseStackingRules(input, stored.rules);
    if (!parsed.ok) throw invalidStackingRules(parsed.problems);
    await checkNamedCategories(store, parsed.rules);
    const updated: StoredStackingRules = { ...stored, rules: parsed.rules, updated_at: ctx.clock.now().toISOString() };
    await store.stackingRules.update(updated);
    return updated;
  });
}
