import type { Kysely } from 'kysely';
import type { CategoryRepository } from '../../app/repositories/category-repository.js';
import type { Category } from '../../domain/categories/category.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import { fetchPage } from '../list-pages.js';
import type { Database } from '../tables.js';

export class KyselyCategoryRepository implements CategoryRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly projectId: string,
  ) {}

  private scoped() {
    return this.db
      .selectFrom('categories')
      .select(['id', 'name', 'hierarchy', 'created_at', 'updated_at'])
      .where('project_id', '=', this.projectId);
  }

  findById(id: string): Promise<Category | undefined> {
    return this.scoped().where('id', '=', id).executeTakeFirst();
  }

  findByName(name: string): Promise<Category | undefined> {
    return this.scoped().where('name', '=', name).executeTakeFirst();
  }

  async insert(category: Category): Promise<boolean> {
    const result = await this.db
      .insertInto('categories')
      .values({ ...category, project_id: this.projectId })
      .onConflict((oc) => oc.columns(['project_id', 'name']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async update(category: Category): Promise<void> {
    await this.db
      .updateTable('categories')
      .set({ name: category.name, hierarchy: category.hierarchy, updated_at: category.updated_at })
      .where('project_id', '=', this.projectId)
      .where('id', '=', category.id)
      .execute();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('categories')
      .where('project_id', '=', this.projectId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async list(query: ListQuery): Promise<ListPage<Category>> {
    return fetchPage(this.scoped(), query, {
      sortColumns: { created_at: 'created_at', updated_at: 'updated_at', name: 'name', hierarchy: 'hierarchy' },
    });
  }
}
