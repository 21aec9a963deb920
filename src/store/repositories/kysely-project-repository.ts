import type { Kysely, Selectable } from 'kysely';
import type { ProjectRepository } from '../../app/repositories/project-repository.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import { defaultProjectSettings, type Project, type ProjectSettings } from '../../domain/projects/project.js';
import { fromJson, toJson } from '../json-columns.js';
import { fetchPage } from '../list-pages.js';
import type { Database, ProjectsTable } from '../tables.js';

/** Every table whose rows belong to a project, emptied when the project is deleted. */
const PROJECT_OWNED_TABLES = [
  'customers',
  'products',
  'skus',
  'product_collections',
  'categories',
  'stacking_rules',
  'validation_rules',
  'validation_rules_assignments',
  'metadata_schemas',
  'custom_events',
  'segment_members',
  'segments',
  'orders',
  'async_actions',
  'campaigns',
  'vouchers',
  'promotion_tiers',
  'promotion_stacks',
  'promotion_index_versions',
  'redemptions',
  'validation_sessions',
  'publications',
  'voucher_transactions',
  'referral_holders',
  'referral_conversions',
  'exports',
  'outbox',
  'idempotency_keys',
  'api_keys',
] as const satisfies readonly (keyof Database)[];

function toProject(row: Selectable<ProjectsTable>): Project {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    // Settings added in later versions take their defaults for projects stored before them.
    settings: { ...defaultProjectSettings(), ...fromJson<Partial<ProjectSettings>>(row.settings, {}) },
    webhook_token: row.webhook_token,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

function toRow(project: Project): ProjectsTable {
  return {
    id: project.id,
    name: project.name,
    description: project.description,
    settings: toJson(project.settings),
    webhook_token: project.webhook_token,
    created_at: project.created_at,
    updated_at: project.updated_at,
  };
}

export class KyselyProjectRepository implements ProjectRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findById(id: string): Promise<Project | undefined> {
    const row = await this.db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toProject(row);
  }

  async insert(project: Project): Promise<void> {
    await this.db.insertInto('projects').values(toRow(project)).execute();
  }

  async update(project: Project): Promise<void> {
    const { id, created_at, ...changes } = toRow(project);
    await this.db.updateTable('projects').set(changes).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<boolean> {
    for (const table of PROJECT_OWNED_TABLES) {
      await this.db.deleteFrom(table).where('project_id', '=', id).execute();
    }
    const result = await this.db.deleteFrom('projects').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async list(query: ListQuery): Promise<ListPage<Project>> {
    const page = await fetchPage(this.db.selectFrom('projects').selectAll(), query, {
      sortColumns: { created_at: 'created_at', updated_at: 'updated_at', name: 'name' },
    });
    return { ...page, items: page.items.map(toProject) };
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('projects')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
