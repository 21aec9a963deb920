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

/** Ids per `IN (...)`, well under either database's limit on bound parameters. */
const IDS_PER_QUERY = 500;

function toAssignment(row: Omit<ValidationRuleAssignment, 'related_object_type'> & { related_object_type: string }) {
  return { ...row, related_object_type: row.related_object_type as RelatedObjectType };
}

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
    const page = await fetchPage(base, query, { sortColumns: { created_at: 'created_at' }, updatedAtColumn: null });
    return { ...page, items: page.items.map(toAssignment) };
  }

  async listForObjects(type: RelatedObjectType, objectIds: readonly string[]): Promise<ValidationRuleAssignment[]> {
    const unique = [...new Set(objectIds)];
    const found: ValidationRuleAssignment[] = [];
    for (let start = 0; start < unique.length; start += IDS_PER_QUERY) {
      // The join leaves out an assignment a concurrent rule deletion may have left behind.
      const rows = await this.db
        .selectFrom('validation_rules_assignments as a')
        .innerJoin('validation_rules as r', (join) =>
          join.onRef('r.id', '=', 'a.rule_id').on('r.project_id', '=', this.projectId),
        )
        .select(['a.id', 'a.rule_id', 'a.related_object_type', 'a.related_object_id', 'a.created_at'])
        .where('a.project_id', '=', this.projectId)
        .where('a.related_object_type', '=', type)
        .where('a.related_object_id', 'in', unique.slice(start, start + IDS_PER_QUERY))
        .orderBy('a.created_at')
        .orderBy('a.id')
        .execute();
      found.push(...rows.map(toAssignment));
    }
    return found;
  }

  async deleteForObject(
    type: RelatedObjectType,
    objectId: string,
    keepRuleIds: readonly string[] = [],
  ): Promise<number> {
    let query = this.db
      .deleteFrom('validation_rules_assignments')
      .where('project_id', '=', this.projectId)
      .where('related_object_type', '=', type)
      .where('related_object_id', '=', objectId);
    if (keepRuleIds.length > 0) query = query.where('rule_id', 'not in', [...keepRuleIds]);
    const result = await query.executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deleteForCampaignVouchers(campaignId: string): Promise<number> {
    const result = await this.db
      .deleteFrom('validation_rules_assignments')
      .where('project_id', '=', this.projectId)
      .where('related_object_type', '=', 'voucher')
      // Correlated, so each assignment costs one lookup by primary key however big the campaign.
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('vouchers')
            .select('vouchers.id')
            .whereRef('vouchers.id', '=', 'validation_rules_assignments.related_object_id')
            .where('vouchers.project_id', '=', this.projectId)
            .where('vouchers.campaign_id', '=', campaignId),
        ),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
