import { type Kysely, type Selectable, sql } from 'kysely';
import type { PromotionTierRepository, TierListFilters } from '../../app/repositories/promotion-tier-repository.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { PromotionTier, TierSummary } from '../../domain/promotions/promotion-tier.js';
import { fromJson, toJson } from '../json-columns.js';
import { fetchPage } from '../list-pages.js';
import type { Database, PromotionTiersTable } from '../tables.js';

export function toTier(row: Selectable<PromotionTiersTable>): PromotionTier {
  return {
    id: row.id,
    campaign_id: row.campaign_id,
    name: row.name,
    banner: row.banner,
    discount: fromJson(row.discount, null as never),
    metadata: fromJson(row.metadata, {}),
    hierarchy: Number(row.hierarchy),
    active: Number(row.active) === 1,
    start_date: row.start_date,
    expiration_date: row.expiration_date,
    validity_timeframe: fromJson(row.validity_timeframe, null),
    validity_day_of_week: fromJson(row.validity_day_of_week, null),
    validity_hours: fromJson(row.validity_hours, null),
    category_id: row.category_id,
    // PostgreSQL's bigint arrives as text.
    summary: {
      redeemed_quantity: Number(row.redeemed_quantity),
      orders_total_amount: Number(row.orders_total_amount),
      orders_total_discount_amount: Number(row.orders_total_discount_amount),
    },
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

function nullableJson(value: unknown): string | null {
  return value === null ? null : toJson(value);
}

/** The tier's own columns, without its identity and counters. */
function toColumns(tier: PromotionTier) {
  return {
    name: tier.name,
    banner: tier.banner,
    discount: toJson(tier.discount),
    metadata: toJson(tier.metadata),
    hierarchy: tier.hierarchy,
    active: tier.active ? 1 : 0,
    start_date: tier.start_date,
    expiration_date: tier.expiration_date,
    validity_timeframe: nullableJson(tier.validity_timeframe),
    validity_day_of_week: nullableJson(tier.validity_day_of_week),
    validity_hours: nullableJson(tier.validity_hours),
    category_id: tier.category_id,
    updated_at: tier.updated_at,
  };
}

export class KyselyPromotionTierRepository implements PromotionTierRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly projectId: string,
  ) {}

  private scoped() {
    return this.db.selectFrom('promotion_tiers').selectAll().where('project_id', '=', this.projectId);
  }

  async lockCampaign(campaignId: string): Promise<boolean> {
    // A no-op update locks the row on PostgreSQL (and, after waiting, sees a concurrent deletion)
    // and makes the transaction a writer on SQLite, where SELECT ... FOR UPDATE does not exist.
    const result = await this.db
      .updateTable('campaigns')
      .set({ updated_at: sql`updated_at` })
      .where('project_id', '=', this.projectId)
      .where('id', '=', campaignId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async findById(id: string): Promise<PromotionTier | undefined> {
    const row = await this.scoped().where('id', '=', id).executeTakeFirst();
    return row && toTier(row);
  }

  async findByIds(ids: readonly string[]): Promise<PromotionTier[]> {
    if (ids.length === 0) return [];
    const rows = await this.scoped().where('id', 'in', ids).execute();
    return rows.map(toTier);
  }

  async listForCampaigns(campaignIds: readonly string[]): Promise<PromotionTier[]> {
    if (campaignIds.length === 0) return [];
    const rows = await this.scoped()
      .where('campaign_id', 'in', campaignIds)
      .orderBy('hierarchy')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toTier);
  }

  async countInCampaign(campaignId: string): Promise<number> {
    const row = await this.db
      .selectFrom('promotion_tiers')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('project_id', '=', this.projectId)
      .where('campaign_id', '=', campaignId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async maxHierarchy(campaignId: string): Promise<number | null> {
    const row = await this.db
      .selectFrom('promotion_tiers')
      .select((eb) => eb.fn.max('hierarchy').as('top'))
      .where('project_id', '=', this.projectId)
      .where('campaign_id', '=', campaignId)
      .executeTakeFirst();
    return row?.top === null || row?.top === undefined ? null : Number(row.top);
  }

  async list(query: ListQuery, filters: TierListFilters): Promise<ListPage<PromotionTier>> {
    let base = this.scoped();
    const now = filters.available_at;
    if (now !== undefined) {
      // ISO-8601 UTC timestamps with milliseconds compare as text on both databases.
      base = base
        .where('active', '=', 1)
        .where((eb) => eb.or([eb('start_date', 'is', null), eb('start_date', '<=', now)]))
        .where((eb) => eb.or([eb('expiration_date', 'is', null), eb('expiration_date', '>=', now)]))
        .where('campaign_id', 'in', (eb) =>
          eb
            .selectFrom('campaigns')
            .select('campaigns.id')
            .where('campaigns.project_id', '=', this.projectId)
            .where('campaigns.deleted_at', 'is', null)
            .where('campaigns.active', '=', 1)
            .where((inner) =>
              inner.or([inner('campaigns.start_date', 'is', null), inner('campaigns.start_date', '<=', now)]),
            )
            .where((inner) =>
              inner.or([inner('campaigns.expiration_date', 'is', null), inner('campaigns.expiration_date', '>=', now)]),
            ),
        );
    }
    const page = await fetchPage(base, query, {
      sortColumns: { created_at: 'created_at', updated_at: 'updated_at', hierarchy: 'hierarchy' },
    });
    return { ...page, items: page.items.map(toTier) };
  }

  async insert(tier: PromotionTier): Promise<void> {
    await this.db
      .insertInto('promotion_tiers')
      .values({
        ...toColumns(tier),
        id: tier.id,
        project_id: this.projectId,
        campaign_id: tier.campaign_id,
        created_at: tier.created_at,
      })
      .execute();
  }

  async update(tier: PromotionTier): Promise<void> {
    await this.db
      .updateTable('promotion_tiers')
      .set(toColumns(tier))
      .where('project_id', '=', this.projectId)
      .where('id', '=', tier.id)
      .execute();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('promotion_tiers')
      .where('project_id', '=', this.projectId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async deleteForCampaign(campaignId: string): Promise<string[]> {
    const rows = await this.db
      .deleteFrom('promotion_tiers')
      .where('project_id', '=', this.projectId)
      .where('campaign_id', '=', campaignId)
      .returning('id')
      .execute();
    return rows.map((row) => row.id);
  }

  async addToSummary(id: string, change: TierSummary): Promise<void> {
    await this.db
      .updateTable('promotion_tiers')
      .set({
        redeemed_quantity: sql`redeemed_quantity + ${change.redeemed_quantity}`,
        orders_total_amount: sql`orders_total_amount + ${change.orders_total_amount}`,
        orders_total_discount_amount: sql`orders_total_discount_amount + ${change.orders_total_discount_amount}`,
      })
      .where('project_id', '=', this.projectId)
      .where('id', '=', id)
      .execute();
  }
}
