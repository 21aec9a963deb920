import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { RelatedObjectType, ValidationRuleAssignment } from '../../domain/rules/validation-rule.js';

export interface AssignmentListFilters {
  rule_id?: string;
  related_object_id?: string;
}

export interface AssignmentTarget {
  rule_id: string;
  related_object_type: RelatedObjectType;
  related_object_id: string;
}

export interface ValidationRuleAssignmentRepository {
  /** Inserts unless the rule is already assigned to the object; answers whether it inserted. */
  insert(assignment: ValidationRuleAssignment): Promise<boolean>;
  /** Removes the assignment of the rule to the object, if any; answers whether there was one. */
  deleteTarget(target: AssignmentTarget): Promise<boolean>;
  /** Answers whether the rule held this assignment. */
  delete(ruleId: string, id: string): Promise<boolean>;
  list(query: ListQuery, filters: AssignmentListFilters): Promise<ListPage<ValidationRuleAssignment>>;
}
