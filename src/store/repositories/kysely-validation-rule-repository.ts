import { type Kysely, sql } from 'kysely';
import type {
  AssignedRule,
  StoredDefinition,
  ValidationRuleRepository,
} from '../../app/repositories/validation-rule-repository.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { RulesObject } from '../../domain/rules/format-rules-object.js';
import { NO_APPLICABLE_TO } from '../../domain/rules/parse-applicable-to.js';
import type {
  RelatedObjectType,
  ValidationRule,
  ValidationRuleType,
  ValidationRuleWithCount,
} from '../../domain/rules/validation-rule.js';
import { fromJson, toJson } from '../json-columns.js';
import { fetchPage } from '../list-pages.js';
import { PreparedQuery } from '../prepared-query.js';
import type { Database, ValidationRulesTable } from '../tables.js';

type RuleRow = Omit<ValidationRulesTable, 'project_id' | 'bundle_rules' | 'revision'> & {
  assignments_count: number | string | bigint | null;
};

function toRule(row: RuleRow): ValidationRuleWithCount {
  return {
    id: row.id,
    name: row.name,
    rules: fromJson<RulesObject>(row.rules, { logic: '' } as RulesObject),
    error_message: fromJson<{ message?: string } | null>(row.error, null)?.message ?? null,
    applicable_to: fromJson(row.applicable_to, NO_APPLICABLE_TO),
    type: row.type as ValidationRuleType,
    context_type: row.context_type,
    created_at: row.created_at,
    updated_at: row.updated_at,
    // PostgreSQL's count(*) is a bigint, which pg hands over as text.
    assignments_count: Number(row.assignments_count ?? 0),
  };
}

/** The parts of a stored rule that evaluation compiles. */
function toDefinition(row: Pick<ValidationRulesTable, 'id' | 'rules' | 'error' | 'applicable_to'>): StoredDefinition {
  return {
    id: row.id,
    rules: fromJson<RulesObject>(row.rules, { logic: '' } as RulesObject),
    error_message: fromJson<{ message?: string } | null>(row.error, null)?.message ?? null,
    applicable_to: fromJson(row.applicable_to, NO_APPLICABLE_TO),
  };
}

function toColumns(rule: ValidationRule) {
  return {
    name: rule.name,
    rules: toJson(rule.rules),
    error: rule.error_message === null ? null : toJson({ message: rule.error_message }),
    applicable_to: toJson(rule.applicable_to),
    type: rule.type,
    context_type: rule.context_type,
    updated_at: rule.updated_at,
  };
}

/** Which rules (and their revisions) bind a voucher, campaign or tier: asked by every validation. */
const assignedTo = new PreparedQuery((db, projectId: string, objectIds: readonly string[]) =>
  db
    .selectFrom('validation_rules_assignments as a')
    .innerJoin('validation_rules as r', (join) =>
      join.onRef('r.id', '=', 'a.rule_id').on('r.project_id', '=', projectId),
    )
    .select(['a.rule_id', 'a.related_object_type', 'a.related_object_id', 'r.revision'])
    .where('a.project_id', '=', projectId)
    .where('a.related_object_id', 'in', objectIds)
    .orderBy('a.created_at')
    .orderBy('a.id'),
);

export class KyselyValidationRuleRepository implements ValidationRuleRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly projectId: string,
  ) {}

  private scoped() {
    return this.db
      .selectFrom('validation_rules')
      .select(['id', 'name', 'rules', 'error', 'applicable_to', 'type', 'context_type', 'created_at', 'updated_at'])
      .select((eb) =>
        eb
          .selectFrom('validation_rules_assignments')
          .select((inner) => inner.fn.countAll().as('n'))
          .whereRef('validation_rules_assignments.rule_id', '=', 'validation_rules.id')
          .where('validation_rules_assignments.project_id', '=', this.projectId)
          .as('assignments_count'),
      )
      .where('validation_rules.project_id', '=', this.projectId);
  }

  async findAssignedTo(objectIds: readonly string[]): Promise<AssignedRule[]> {
    if (objectIds.length === 0) return [];
    const rows = await assignedTo.rows(this.db, this.projectId, objectIds);
    return rows.map((row) => ({
      ruleId: row.rule_id,
      related_object_type: row.related_object_type as RelatedObjectType,
      related_object_id: row.related_object_id,
      version: Number(row.revision),
    }));
  }

  async findDefinitions(ids: readonly string[]): Promise<StoredDefinition[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('validation_rules')
      .select(['id', 'rules', 'error', 'applicable_to'])
      .where('project_id', '=', this.projectId)
      .where('id', 'in', [...ids])
      .execute();
    return rows.map(toDefinition);
  }

  async findById(id: string): Promise<ValidationRuleWithCount | undefined> {
    const row = await this.scoped().where('validation_rules.id', '=', id).executeTakeFirst();
    return row && toRule(row);
  }

  async insert(rule: ValidationRule): Promise<void> {
    await this.db
      .insertInto('validation_rules')
      .values({
        ...toColumns(rule),
        id: rule.id,
        project_id: this.projectId,
        bundle_rules: null,
        created_at: rule.created_at,
      })
      .execute();
  }

  async update(rule: ValidationRule): Promise<void> {
    await this.db
      .updateTable('validation_rules')
      .set({ ...toColumns(rule), revision: sql`revision + 1` })
      .where('project_id', '=', this.projectId)
      .where('id', '=', rule.id)
      .execute();
  }

  async delete(id: string): Promise<boolean> {
    await this.db
      .deleteFrom('validation_rules_assignments')
      .where('project_id', '=', this.projectId)
      .where('rule_id', '=', id)
      .execute();
    const result = await this.db
      .deleteFrom('validation_rules')
      .where('project_id', '=', this.projectId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async list(query: ListQuery): Promise<ListPage<ValidationRuleWithCount>> {
    const page = await fetchPage(this.scoped(), query, {
      sortColumns: {
        created_at: 'validation_rules.created_at',
        updated_at: 'validation_rules.updated_at',
        name: 'validation_rules.name',
      },
      idColumn: 'validation_rules.id',
    });
    return { ...page, items: page.items.map(toRule) };
  }
}
