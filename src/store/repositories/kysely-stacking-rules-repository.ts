import type { Kysely } from 'kysely';
import type { StackingRulesRepository } from '../../app/repositories/stacking-rules-repository.js';
import {
  DEFAULT_STACKING_RULES,
  type StackingRules,
  type StoredStackingRules,
} from '../../domain/stacking/stacking-rules.js';
import type { DialectCapabilities } from '../dialects/capabilities.js';
import { fromJson, toJson } from '../json-columns.js';
import type { Database, StackingRulesTable } from '../tables.js';

const COLUMNS = ['id', 'rules', 'created_at', 'updated_at'] as const;

function toStored(row: Pick<StackingRulesTable, (typeof COLUMNS)[number]>): StoredStackingRules {
  return {
    id: row.id,
    // Fields added in later versions take their defaults for rules stored before them.
    rules: { ...structuredClone(DEFAULT_STACKING_RULES), ...fromJson<Partial<StackingRules>>(row.rules, {}) },
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export class KyselyStackingRulesRepository implements StackingRulesRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly projectId: string,
    private readonly capabilities: DialectCapabilities,
  ) {}

  private scoped() {
    return this.db.selectFrom('stacking_rules').select(COLUMNS).where('project_id', '=', this.projectId);
  }

  async find(): Promise<StoredStackingRules | undefined> {
    const row = await this.scoped().executeTakeFirst();
    return row && toStored(row);
  }

  async findForUpdate(): Promise<StoredStackingRules | undefined> {
    // SQLite runs one write transaction at a time: there is nothing to lock.
    const query = this.capabilities.supportsRowLocks ? this.scoped().forUpdate() : this.scoped();
    const row = await query.executeTakeFirst();
    return row && toStored(row);
  }

  async insert(stored: StoredStackingRules): Promise<boolean> {
    const result = await this.db
      .insertInto('stacking_rules')
      .values({
        id: stored.id,
        project_id: this.projectId,
        rules: toJson(stored.rules),
        created_at: stored.created_at,
        updated_at: stored.updated_at,
      })
      .onConflict((oc) => oc.column('project_id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async update(stored: StoredStackingRules): Promise<void> {
    await this.db
      .updateTable('stacking_rules')
      .set({ rules: toJson(stored.rules), updated_at: stored.updated_at })
      .where('project_id', '=', this.projectId)
      .where('id', '=', stored.id)
      .execute();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('stacking_rules')
      .where('project_id', '=', this.projectId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async lockExistingCategories(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    let query = this.db
      .selectFrom('categories')
      .select('id')
      .where('project_id', '=', this.projectId)
      .where('id', 'in', [...ids]);
    // A key-share lock blocks a delete of the row but not a rename or a new hierarchy.
    if (this.capabilities.supportsRowLocks) query = query.forKeyShare();
    const rows = await query.execute();
    return new Set(rows.map((row) => row.id));
  }
}
