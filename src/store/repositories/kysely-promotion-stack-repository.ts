import type { Kysely, Selectable } from 'kysely';
import type { PromotionStackRepository } from '../../app/repositories/promotion-stack-repository.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { HierarchyMode, PromotionStack } from '../../domain/promotions/promotion-stack.js';
import { fromJson, toJson } from '../json-columns.js';
import { fetchPage } from '../list-pages.js';
import type { Database, PromotionStacksTable } from '../tables.js';

function toStack(row: Selectable<PromotionStacksTable>): PromotionStack {
  return {
    id: row.id,
    campaign_id: row.campaign_id,
    name: row.name,
    tier_ids: fromJson<string[]>(row.tier_ids, []),
    hierarchy_mode: row.hierarchy_mode as HierarchyMode,
    category_id: row.category_id,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

function toColumns(stack: PromotionStack) {
  return {
    name: stack.name,
    tier_ids: toJson(stack.tier_ids),
    hierarchy_mode: stack.hierarchy_mode,
    category_id: stack.category_id,
    updated_at: stack.updated_at,
  };
}

export class KyselyPromotionStackRepository implements PromotionStackRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly projectId: string,
  ) {}

  private scoped() {
    return this.db.selectFrom('promotion_stacks').selectAll().where('project_id', '=', this.projectId);
  }

  async findById(id: string): Promise<PromotionStack | undefined> {
    const row = await this.scoped().where('id', '=', id).executeTakeFirst();
    return row && toStack(row);
  }

  async listForCampaign(campaignId: string): Promise<PromotionStack[]> {
    const rows = await this.scoped()
      .where('campaign_id', '=', campaignId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toStack);
  }

  async list(query: ListQuery): Promise<ListPage<PromotionStack>> {
    const page = await fetchPage(this.scoped(), query, {
      sortColumns: { created_at: 'created_at', updated_at: 'updated_at', name: 'name' },
    });
    return { ...page, items: page.items.map(toStack) };
  }

  async insert(stack: PromotionStack): Promise<void> {
    await this.db
      .insertInto('promotion_stacks')
      .values({
        ...toColumns(stack),
        id: stack.id,
        project_id: this.projectId,
        campaign_id: stack.campaign_id,
        created_at: stack.created_at,
      })
      .execute();
  }

  async update(stack: PromotionStack): Promise<void> {
    await this.db
      .updateTable('promotion_stacks')
      .set(toColumns(stack))
      .where('project_id', '=', this.projectId)
      .where('id', '=', stack.id)
      .execute();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('promotion_stacks')
      .where('project_id', '=', this.projectId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async deleteForCampaign(campaignId: string): Promise<number> {
    const result = await this.db
      .deleteFrom('promotion_stacks')
      .where('project_id', '=', this.projectId)
      .where('campaign_id', '=', campaignId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
