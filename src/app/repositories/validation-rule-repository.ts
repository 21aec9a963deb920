import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { RelatedObjectType, ValidationRule, ValidationRuleWithCount } from '../../domain/rules/validation-rule.js';

/** What evaluation compiles of a stored rule. */
export type StoredDefinition = Pick<ValidationRule, 'id' | 'rules' | 'error_message' | 'applicable_to'>;

/** A rule assigned to an object, as validation looks it up: its definition is read only when its version is new. */
export interface AssignedRule {
  ruleId: string;
  related_object_type: RelatedObjectType;
  related_object_id: string;
  /** Raised by every change of the definition; equal versions mean the same compiled rule. */
  version: number;
}

export interface ValidationRuleRepository {
  findById(id: string): Promise<ValidationRuleWithCount | undefined>;
  insert(rule: ValidationRule): Promise<void>;
  update(rule: ValidationRule): Promise<void>;
  /** Deletes the rule and its assignments; answers whether the rule existed. */
  delete(id: string): Promise<boolean>;
  list(query: ListQuery): Promise<ListPage<ValidationRuleWithCount>>;
  /** The rules assigned to any of these objects, in the order they were assigned. */
  findAssignedTo(objectIds: readonly string[]): Promise<AssignedRule[]>;
  /** What evaluation compiles of these rules; read only when compiled copies are missing or stale. */
  findDefinitions(ids: readonly string[]): Promise<StoredDefinition[]>;
}
