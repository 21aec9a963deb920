import { notFound } from '../../domain/errors.js';
import type { ProjectContext } from '../context.js';

/**
 * DELETE /validation-rules/{id}. Voucherify's spec answers only 204 or 404 here, so a rule in use
 * is deleted with its assignments in the same transaction rather than refused; no assignment is
 * left pointing at a rule that no longer exists.
 */
export function deleteValidationRule(ctx: ProjectContext, id: string): Promise<void> {
  return ctx.store.transaction(async (store) => {
    if (!(await store.validationRules.delete(id))) throw notFound('validation_rules', id);
    await store.promotionIndex.raiseVersion();
  });
}
