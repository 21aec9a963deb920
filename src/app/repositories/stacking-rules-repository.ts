import type { StoredStackingRules } from '../../domain/stacking/stacking-rules.js';

/** The project's one stacking rules object; absent while the project has Voucherify's defaults. */
export interface StackingRulesRepository {
  find(): Promise<StoredStackingRules | undefined>;
  /**
   * The same, locking the row until the transaction ends, so writers of the rules (and deletes of
   * a category they name) take turns and each sees the last one's result.
   */
  findForUpdate(): Promise<StoredStackingRules | undefined>;
  /** Inserts unless the project already has rules; answers whether it was inserted. */
  insert(rules: StoredStackingRules): Promise<boolean>;
  update(rules: StoredStackingRules): Promise<void>;
  delete(id: string): Promise<boolean>;
  /**
   * Which of `ids` are categories of the project, locking those rows against deletion until the
   * transaction ends: a category deleted concurrently either goes first (and is not found here)
   * or waits and then removes itself from the rules just written.
   */
  lockExistingCategories(ids: readonly string[]): Promise<Set<string>>;
}
