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
  /** The assignments of these objects to rules that exist, oldest first: one query for a page of objects. */
  listForObjects(type: RelatedObjectType, objectIds: readonly string[]): Promise<ValidationRuleAssignment[]>;
  /** Removes the object's assignments except to the rules kept; answers how many went. */
  deleteForObject(type: RelatedObjectType, objectId: string, keepRuleIds?: readonly string[]): Promise<number>;
  /** Removes the assignments of every voucher of the campaign, live or binned; answers how many went. */
  deleteForCampaignVouchers(campaignId: string): Promise<number>;
}
