import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import type { CampaignListFilters, CampaignRepository } from '../../app/repositories/campaign-repository.js';
import type { Campaign, CampaignKind, CampaignType, GenerationStatus } from '../../domain/campaigns/campaign.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import { deleteRowForGood, moveRowToBin } from '../binned-rows.js';
import { fromJson, toJson } from '../json-columns.js';
import { fetchPage } from '../list-pages.js';
import type { CampaignsTable, Database } from '../tables.js';

export function toCampaign(row: Selectable<CampaignsTable>): Campaign {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    campaign_type: row.campaign_type as CampaignType,
    type: row.type as CampaignKind,
    voucher: fromJson(row.voucher, null as never),
    auto_join: row.auto_join === 1,
    join_once: row.join_once === 1,
    use_voucher_metadata_schema: row.use_voucher_metadata_schema === 1,
    start_date: row.start_date,
    expiration_date: row.expiration_date,
    validity_timeframe: fromJson(row.validity_timeframe, null),
    validity_day_of_week: fromJson(row.validity_day_of_week, null),
    validity_hours: fromJson(row.validity_hours, null),
    activity_duration_after_publishing: row.activity_duration_after_publishing,
    active: row.active === 1,
    metadata: fromJson(row.metadata, {}),
    category_id: row.category_id,
    vouchers_count: Number(row.vouchers_count),
    vouchers_generation_status: row.vouchers_generation_status as GenerationStatus,
    protected: row.protected === 1,
    created_at: row.created_at,
    updated_at: row.updated_at,
    ...(row.referral_program === null ? {} : { referral_program: fromJson(row.referral_program, null) }),
  };
}

function toRow(campaign: Campaign, projectId: string): Insertable<CampaignsTable> {
  return {
    ...campaign,
    project_id: projectId,
    voucher: toJson(campaign.voucher),
    auto_join: campaign.auto_join ? 1 : 0,
    join_once: campaign.join_once ? 1 : 0,
    use_voucher_metadata_schema: campaign.use_voucher_metadata_schema ? 1 : 0,
    validity_timeframe: campaign.validity_timeframe === null ? null : toJson(campaign.validity_timeframe),
    validity_day_of_week: campaign.validity_day_of_week === null ? null : toJson(campaign.validity_day_of_week),
    validity_hours: campaign.validity_hours === null ? null : toJson(campaign.validity_hours),
    active: campaign.active ? 1 : 0,
    metadata: toJson(campaign.metadata),
    protected: campaign.protected ? 1 : 0,
    deleted_at: null,
    referral_program: campaign.referral_program ? toJson(campaign.referral_program) : null,
  };
}

export class KyselyCampaignRepository implements CampaignRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly projectId: string,
  ) {}

  private live() {
    return this.db
      .selectFrom('campaigns')
      .selectAll()
      .where('project_id', '=', this.projectId)
      .where('deleted_at', 'is', null);
  }

  async findById(id: string): Promise<Campaign | undefined> {
    const row = await this.live().where('id', '=', id).executeTakeFirst();
    return row && toCampaign(row);
  }

  async findByName(name: string): Promise<Campaign | undefined> {
    const row = await this.live().where('name', '=', name).executeTakeFirst();
    return row && toCampaign(row);
  }

  async findByRef(ref: string): Promise<Campaign | undefined> {
    const rows = await this.live()
      .where((eb) => eb.or([eb('id', '=', ref), eb('name', '=', ref)]))
      .limit(2)
      .execute();
    const row = rows.find((r) => r.id === ref) ?? rows[0];
    return row && toCampaign(row);
  }

  async findStoredById(id: string): Promise<Campaign | undefined> {
    const row = await this.db
      .selectFrom('campaigns')
      .selectAll()
      .where('project_id', '=', this.projectId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toCampaign(row);
  }

  async insert(campaign: Campaign): Promise<boolean> {
    const result = await this.db
      .insertInto('campaigns')
      .values(toRow(campaign, this.projectId))
      .onConflict((oc) => oc.columns(['project_id', 'name']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async update(campaign: Campaign): Promise<void> {
    const { id, project_id, created_at, vouchers_count, vouchers_generation_status, deleted_at, ...changes } = toRow(
      campaign,
      this.projectId,
    );
    await this.db
      .updateTable('campaigns')
      .set(changes)
      .where('project_id', '=', project_id)
      .where('id', '=', id)
      .execute();
  }

  async list(query: ListQuery, filters: CampaignListFilters): Promise<ListPage<Campaign>> {
    let base = this.live();
    if (filters.campaign_type !== undefined) base = base.where('campaign_type', '=', filters.campaign_type);
    if (filters.vouchers_generation_status !== undefined) {
      base = base.where('vouchers_generation_status', '=', filters.vouchers_generation_status);
    }
    const page = await fetchPage(base, query, {
      sortColumns: { created_at: 'created_at', updated_at: 'updated_at', name: 'name' },
    });
    return { ...page, items: page.items.map(toCampaign) };
  }

  async addVouchersCount(id: string, count: number): Promise<void> {
    await this.db
      .updateTable('campaigns')
      .set({ vouchers_count: sql`vouchers_count + ${count}` })
      .where('project_id', '=', this.projectId)
      .where('id', '=', id)
      .execute();
  }

  async setGenerationStatus(id: string, status: GenerationStatus): Promise<void> {
    await this.db
      .updateTable('campaigns')
      .set({ vouchers_generation_status: status })
      .where('project_id', '=', this.projectId)
      .where('id', '=', id)
      .execute();
  }

  moveToBin(id: string, now: string): Promise<boolean> {
    return moveRowToBin(this.db, 'campaigns', this.projectId, id, now);
  }

  deletePermanently(id: string): Promise<boolean> {
    return deleteRowForGood(this.db, 'campaigns', this.projectId, id);
  }
}
