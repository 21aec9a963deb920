import type { Kysely } from 'kysely';
import type {
  AssignmentListFilters,
  AssignmentTarget,
  ValidationRuleAssignmentRepository,
} from '../../app/repositories/validation-rule-assignment-repository.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { RelatedObjectType, ValidationRuleAssignment } from '../../domain/rules/validation-rule.js';
import { fetchPage } from '../list-pages.js';
import type { Database } from '../tables.js';

export class KyselyValidationRuleAssignmentRepository implements ValidationRuleAssignmentRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly projectId: string,
  ) {}

  async insert(assignment: ValidationRuleAssignment): Promise<boolean> {
    const result = await this.db
      .insertInto('validation_rules_assignments')
      .values({ ...assignment, project_id: this.projectId })
      .onConflict((oc) => oc.columns(['project_id', 'rule_id', 'related_object_type', 'related_object_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async deleteTarget(target: AssignmentTarget): Promise<boolean> {
    const result = await this.db
      .deleteFrom('validation_rules_assignments')
      .where('project_id', '=', this.projectId)
      .where('rule_id', '=', target.rule_id)
      .where('related_object_type', '=', target.related_object_type)
      .where('related_object_id', '=', target.related_object_id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async delete(ruleId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('validation_rules_assignments')
      .where('project_id', '=', this.projectId)
      .where('rule_id', '=', ruleId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async list(query: ListQuery, filters: AssignmentListFilters): Promise<ListPage<ValidationRuleAssignment>> {
    let base = this.db
      .selectFrom('validation_rules_assignments')
      .select(['id', 'rule_id', 'related_object_type', 'related_object_id', 'created_at'])
      .where('project_id', '=', this.projectId);
    if (filters.rule_id !== undefined) base = base.where('rule_id', '=', filters.rule_id);
    if (filters.related_object_id !== undefined) {
      base = base.where('related_object_id', '=', filters.related_object_id);
    }
    const page = await fetchPage(base, query, { sortColumns: { created_at: 'created_at' } });
    return {
      ...page,
      items: page.items.map((row) => ({ ...row, related_object_type: row.related_object_type as RelatedObjectType })),
    };
  }
}
