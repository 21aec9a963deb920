import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { ValidationRule, ValidationRuleWithCount } from '../../domain/rules/validation-rule.js';

export interface ValidationRuleRepository {
  findById(id: string): Promise<ValidationRuleWithCount | undefined>;
  insert(rule: ValidationRule): Promise<void>;
  update(rule: ValidationRule): Promise<void>;
  /** Deletes the rule and its assignments; answers whether the rule existed. */
  delete(id: string): Promise<boolean>;
  list(query: ListQuery): Promise<ListPage<ValidationRuleWithCount>>;
}
