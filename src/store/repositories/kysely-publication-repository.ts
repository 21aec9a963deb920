import { type Kysely, type Selectable, sql } from 'kysely';
import type {
  PublicationListFilters,
  PublicationRepository,
  PublishedVouchers,
} from '../../app/repositories/publication-repository.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { Publication } from '../../domain/publications/publication.js';
import { fromJson, toJson } from '../json-columns.js';
import { fetchPage } from '../list-pages.js';
import type { Database, PublicationsTable } from '../tables.js';

function toPublication(row: Selectable<PublicationsTable>): Publication {
  return {
    id: row.id,
    source_id: row.source_id,
    customer_id: row.customer_id,
    tracking_id: row.tracking_id,
    campaign_id: row.campaign_id,
    campaign_name: row.campaign_name,
    voucher_ids: fromJson<string[]>(row.voucher_ids, []),
    voucher_codes: fromJson<string[]>(row.voucher_codes, []),
    voucher_type: row.voucher_type,
    is_referral_code: row.is_referral_code === 1,
    channel: row.channel,
    metadata: fromJson(row.metadata, {}),
    result: row.result,
    failure_code: row.failure_code,
    failure_message: row.failure_message,
    created_at: row.created_at,
  };
}

export class KyselyPublicationRepository implements PublicationRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly projectId: string,
  ) {}

  private scoped() {
    return this.db.selectFrom('publications').selectAll().where('project_id', '=', this.projectId);
  }

  async insert(p: Publication): Promise<boolean> {
    const result = await this.db
      .insertInto('publications')
      .values({
        id: p.id,
        project_id: this.projectId,
        source_id: p.source_id,
        customer_id: p.customer_id,
        tracking_id: p.tracking_id,
        campaign_id: p.campaign_id,
        campaign_name: p.campaign_name,
        voucher_ids: toJson(p.voucher_ids),
        voucher_codes: toJson(p.voucher_codes),
        first_code: p.voucher_codes[0] ?? null,
        voucher_type: p.voucher_type,
        is_referral_code: p.is_referral_code ? 1 : 0,
        channel: p.channel,
        metadata: toJson(p.metadata),
        result: p.result,
        failure_code: p.failure_code,
        failure_message: p.failure_message,
        created_at: p.created_at,
      })
      // The partial unique index's own predicate, so both databases infer it as the conflict target.
      .onConflict((oc) =>
        oc
          .columns(['project_id', 'source_id'])
          .where(sql<boolean>`source_id is not null and result = 'SUCCESS'`)
          .doNothing(),
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async setVouchers(id: string, vouchers: PublishedVouchers): Promise<void> {
    await this.db
      .updateTable('publications')
      .set({
        voucher_ids: toJson(vouchers.ids),
        voucher_codes: toJson(vouchers.codes),
        first_code: vouchers.codes[0] ?? null,
        voucher_type: vouchers.voucher_type,
        is_referral_code: vouchers.is_referral_code ? 1 : 0,
      })
      .where('project_id', '=', this.projectId)
      .where('id', '=', id)
      .execute();
  }

  async findById(id: string): Promise<Publication | undefined> {
    const row = await this.scoped().where('id', '=', id).executeTakeFirst();
    return row && toPublication(row);
  }

  async findBySourceId(sourceId: string): Promise<Publication | undefined> {
    const row = await this.scoped()
      .where('source_id', '=', sourceId)
      .where('result', '=', 'SUCCESS')
      .executeTakeFirst();
    return row && toPublication(row);
  }

  async findFirstOfCustomer(customerId: string, campaignId: string): Promise<Publication | undefined> {
    const row = await this.scoped()
      .where('customer_id', '=', customerId)
      .where('campaign_id', '=', campaignId)
      .where('result', '=', 'SUCCESS')
      .orderBy('created_at')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    return row && toPublication(row);
  }

  async list(query: ListQuery, filters: PublicationListFilters): Promise<ListPage<Publication>> {
    let base = this.scoped();
    if (filters.campaign_id !== undefined) base = base.where('campaign_id', '=', filters.campaign_id);
    if (filters.customer_id !== undefined) base = base.where('customer_id', '=', filters.customer_id);
    if (filters.result !== undefined) base = base.where('result', '=', filters.result);
    if (filters.voucher_type !== undefined) base = base.where('voucher_type', '=', filters.voucher_type);
    if (filters.is_referral_code !== undefined) {
      base = base.where('is_referral_code', '=', filters.is_referral_code ? 1 : 0);
    }
    if (filters.source_id !== undefined) base = base.where('source_id', '=', filters.source_id);
    if (filters.voucher_id !== undefined) {
      // Voucher ids are letters, digits and `_`: nothing in them is special to LIKE but `_`, which is escaped.
      const pattern = `%"${filters.voucher_id.replaceAll('\\', '\\\\').replaceAll('_', '\\_').replaceAll('%', '\\%')}"%`;
      base = base.where(sql<boolean>`voucher_ids like ${pattern} escape '\\'`);
    }
    const page = await fetchPage(base, query, {
      sortColumns: {
        created_at: 'created_at',
        id: 'id',
        voucher_code: 'first_code',
        tracking_id: 'tracking_id',
        customer_id: 'customer_id',
        channel: 'channel',
      },
      updatedAtColumn: null,
    });
    return { ...page, items: page.items.map(toPublication) };
  }
}
