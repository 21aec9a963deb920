import { type ExpressionBuilder, type Kysely, type Selectable, sql } from 'kysely';
import type {
  CampaignRedemptionSummary,
  OrderRedemptionLink,
  RedemptionListFilters,
  RedemptionRepository,
} from '../../app/repositories/redemption-repository.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { ChannelType, Redemption, RedemptionSnapshot } from '../../domain/redemptions/redemption.js';
import type { DialectCapabilities } from '../dialects/capabilities.js';
import { customersMatchingSearch } from '../filters/customer-search.js';
import { matchesTextSearch } from '../filters/text-search.js';
import { fromJson, toJson } from '../json-columns.js';
import { fetchPage } from '../list-pages.js';
import { PreparedQuery } from '../prepared-query.js';
import type { Database, RedemptionsTable } from '../tables.js';

function toRedemption(row: Selectable<RedemptionsTable>): Redemption {
  return {
    id: row.id,
    object: row.object,
    result: row.result,
    status: row.status,
    customer_id: row.customer_id,
    tracking_id: row.tracking_id,
    metadata: fromJson(row.metadata, {}),
    amount: Number(row.amount),
    order_amount: row.order_amount === null ? null : Number(row.order_amount),
    discount_amount: Number(row.discount_amount),
    order_id: row.order_id,
    voucher_id: row.voucher_id,
    voucher_code: row.voucher_code,
    campaign_id: row.campaign_id,
    related_object_type: row.related_object_type as Redemption['related_object_type'],
    related_object_id: row.related_object_id,
    parent_id: row.parent_id,
    rollback_of: row.rollback_of,
    rollback_id: row.rollback_id,
    reason: row.reason,
    failure_code: row.failure_code,
    failure_message: row.failure_message,
    channel_type: row.channel_type as ChannelType,
    channel_id: row.channel_id,
    session_key: row.session_key,
    snapshot: fromJson<RedemptionSnapshot>(row.snapshot, { voucher: null, order: null, customer: null }),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** Every redemption, succeeded or failed, and every rollback is one row. */
const insertOne = new PreparedQuery((db, row: RedemptionsTable) => db.insertInto('redemptions').values(row));

export class KyselyRedemptionRepository implements RedemptionRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly projectId: string,
    private readonly capabilities: DialectCapabilities,
  ) {}

  private scoped() {
    return this.db.selectFrom('redemptions').selectAll().where('project_id', '=', this.projectId);
  }

  async findById(id: string): Promise<Redemption | undefined> {
    const row = await this.scoped().where('id', '=', id).executeTakeFirst();
    return row && toRedemption(row);
  }

  async insert(redemption: Redemption): Promise<void> {
    await insertOne.rows(this.db, {
      ...redemption,
      project_id: this.projectId,
      metadata: toJson(redemption.metadata),
      snapshot: toJson(redemption.snapshot),
    });
  }

  async markRolledBack(id: string, rollbackId: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('redemptions')
      .set({ status: 'ROLLED_BACK', rollback_id: rollbackId, updated_at: now })
      .where('project_id', '=', this.projectId)
      .where('id', '=', id)
      .where('status', '=', 'SUCCEEDED')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async list(query: ListQuery, filters: RedemptionListFilters): Promise<ListPage<Redemption>> {
    const { search, ...exact } = filters;
    let base = this.scoped();
    for (const [column, value] of Object.entries(exact) as [keyof typeof exact, string | undefined][]) {
      if (value !== undefined) base = base.where(column, '=', value);
    }
    if (search !== undefined) base = base.where(this.matchesSearch(search));
    const page = await fetchPage(base, query, { sortColumns: { created_at: 'created_at', updated_at: 'updated_at' } });
    return { ...page, items: page.items.map(toRedemption) };
  }

  /**
   * The row's own id and code, or its customer (source_id, name, email) or order (source_id). The
   * customers and orders are found by a subquery each over the project's rows (customersMatchingSearch);
   * the redemptions then come by the (project_id, customer_id) and
   * (project_id, order_id) indexes, with no join that could repeat a redemption.
   */
  private matchesSearch(search: string) {
    const customers = customersMatchingSearch(this.db, this.projectId, this.capabilities, search);
    const orders = this.db
      .selectFrom('orders')
      .select('orders.id')
      .where('orders.project_id', '=', this.projectId)
      .where(matchesTextSearch(this.capabilities, [sql.ref('orders.source_id')], search));
    const ownColumns = [sql.ref<string>('redemptions.id'), sql.ref<string | null>('redemptions.voucher_code')];
    return (eb: ExpressionBuilder<Database, 'redemptions'>) =>
      eb.or([
        matchesTextSearch(this.capabilities, ownColumns, search),
        eb('redemptions.customer_id', 'in', customers),
        eb('redemptions.order_id', 'in', orders),
      ]);
  }

  async listForOrders(orderIds: readonly string[]): Promise<OrderRedemptionLink[]> {
    if (orderIds.length === 0) return [];
    // Found through redemptions_order (0019); a rollback's time is read from its row, by primary key.
    const rows = await this.db
      .selectFrom('redemptions as r')
      .leftJoin('redemptions as rollback', 'rollback.id', 'r.rollback_id')
      .where('r.project_id', '=', this.projectId)
      .where('r.order_id', 'in', [...new Set(orderIds)])
      .where('r.object', '=', 'redemption')
      .where('r.result', '=', 'SUCCESS')
      .select([
        'r.id',
        'r.order_id',
        'r.created_at',
        'r.related_object_type',
        'r.related_object_id',
        'r.campaign_id',
        'r.parent_id',
        'r.rollback_id',
        'rollback.created_at as rollback_date',
      ])
      .execute();
    return rows.map((row) => ({
      ...row,
      order_id: row.order_id as string,
      related_object_type: row.related_object_type as OrderRedemptionLink['related_object_type'],
      rollback_date: row.rollback_date ?? null,
    }));
  }

  async summarizeCampaigns(campaignIds: readonly string[]): Promise<Map<string, CampaignRedemptionSummary>> {
    const summaries = new Map<string, CampaignRedemptionSummary>(
      campaignIds.map((id) => [
        id,
        {
          redemptions_succeeded: 0,
          redemptions_failed: 0,
          rollbacks_succeeded: 0,
          discounted_amount: 0,
          rolledback_discounted_amount: 0,
        },
      ]),
    );
    if (campaignIds.length === 0) return summaries;
    const rows = await this.db
      .selectFrom('redemptions')
      .where('project_id', '=', this.projectId)
      .where('campaign_id', 'in', [...campaignIds])
      .groupBy('campaign_id')
      .select([
        'campaign_id',
        sql<number>`sum(case when object = 'redemption' and result = 'SUCCESS' then 1 else 0 end)`.as('succeeded'),
        sql<number>`sum(case when object = 'redemption' and result = 'FAILURE' then 1 else 0 end)`.as('failed'),
        sql<number>`sum(case when object = 'redemption_rollback' and result = 'SUCCESS' then 1 else 0 end)`.as(
          'rollbacks',
        ),
        sql<number>`sum(case when object = 'redemption' and result = 'SUCCESS' then discount_amount else 0 end)`.as(
          'discount',
        ),
        sql<number>`sum(case when object = 'redemption' and status = 'ROLLED_BACK' then discount_amount else 0 end)`.as(
          'rolled_back_discount',
        ),
      ])
      .execute();
    for (const row of rows) {
      if (row.campaign_id === null) continue;
      summaries.set(row.campaign_id, {
        redemptions_succeeded: Number(row.succeeded ?? 0),
        redemptions_failed: Number(row.failed ?? 0),
        rollbacks_succeeded: Number(row.rollbacks ?? 0),
        discounted_amount: Number(row.discount ?? 0),
        rolledback_discounted_amount: Number(row.rolled_back_discount ?? 0),
      });
    }
    return summaries;
  }
}
