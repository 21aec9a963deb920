import { notFound } from '../../domain/errors.js';
import type { StackingContext } from './create-stacking-rules.js';

/** DELETE .../stacking-rules/{id}: the project goes back to Voucherify's defaults. */
export function deleteStackingRules(ctx: StackingContext, id: string): Promise<void> {
  return ctx.store.transaction(async (store) => {
    if (!(await store.stackingRules.delete(id))) throw notFound('stacking_rules', id);
  });
}
