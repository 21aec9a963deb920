import { type CompiledQuery, type Kysely, type Selectable, sql } from 'kysely';
import type {
  GeneratedVoucher,
  NewVoucher,
  ReservationsInForce,
  StoredVoucher,
  VoucherListFilters,
  VoucherRepository,
} from '../../app/repositories/voucher-repository.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { Voucher, VoucherType } from '../../domain/vouchers/voucher.js';
import { deleteRowForGood, moveRowToBin } from '../binned-rows.js';
import type { DialectCapabilities } from '../dialects/capabilities.js';
import { fromJson, toJson } from '../json-columns.js';
import { fetchPage } from '../list-pages.js';
import type { Database, VouchersTable } from '../tables.js';

/** Rows per multi-row INSERT: about 30 parameters a row stays under SQLite's 32,766 limit. */
const INSERT_BATCH = 500;
/** Rows per INSERT of generated codes: 6 parameters a row. */
const GENERATED_BATCH = 1000;

function toFlag(value: boolean | null): number | null {
  return value === null ? null : value ? 1 : 0;
}

function jsonOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : toJson(value);
}

export function toVoucher(row: Selectable<VouchersTable>): Voucher {
  return {
    id: row.id,
    code: row.code,
    campaign_id: row.campaign_id,
    category_id: row.category_id,
    type: row.type as VoucherType | null,
    discount: fromJson(row.discount, null),
    gift: fromJson(row.gift, null),
    loyalty_card: fromJson(row.loyalty_card, null),
    start_date: row.start_date,
    expiration_date: row.expiration_date,
    validity_timeframe: fromJson(row.validity_timeframe, null),
    validity_day_of_week: fromJson(row.validity_day_of_week, null),
    validity_hours: fromJson(row.validity_hours, null),
    redemption_quantity: row.redemption_quantity,
    is_referral_code: row.is_referral_code === null ? null : row.is_referral_code === 1,
    active: row.active === null ? null : row.active === 1,
    additional_info: row.additional_info,
    metadata: fromJson(row.metadata, {}),
    holder_id: row.holder_id,
    referrer_id: row.referrer_id,
    redeemed_quantity: Number(row.redeemed_quantity),
    publish_count: Number(row.publish_count),
    reserved_until: row.reserved_until,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

function toRow({ voucher, codeKey }: NewVoucher, projectId: string) {
  return {
    id: voucher.id,
    project_id: projectId,
    code: voucher.code,
    code_key: codeKey,
    campaign_id: voucher.campaign_id,
    category_id: voucher.category_id,
    type: voucher.type,
    discount: jsonOrNull(voucher.discount),
    gift: jsonOrNull(voucher.gift),
    loyalty_card: jsonOrNull(voucher.loyalty_card),
    start_date: voucher.start_date,
    expiration_date: voucher.expiration_date,
    validity_timeframe: jsonOrNull(voucher.validity_timeframe),
    validity_day_of_week: jsonOrNull(voucher.validity_day_of_week),
    validity_hours: jsonOrNull(voucher.validity_hours),
    active: toFlag(voucher.active),
    additional_info: voucher.additional_info,
    // Empty metadata is stored as null: generated codes then cost no JSON at all.
    metadata: Object.keys(voucher.metadata).length === 0 ? null : toJson(voucher.metadata),
    is_referral_code: toFlag(voucher.is_referral_code),
    holder_id: voucher.holder_id,
    referrer_id: voucher.referrer_id,
    redemption_quantity: voucher.redemption_quantity,
    redeemed_quantity: voucher.redeemed_quantity,
    // A voucher is stored with uses only when it is imported with them.
    imported_redeemed_quantity: voucher.redeemed_quantity,
    publish_count: voucher.publish_count,
    created_at: voucher.created_at,
    updated_at: voucher.updated_at,
    deleted_at: null,
  };
}

/** Compiled INSERTs of generated codes, by dialect and row count; they hold no values. */
const generatedInserts = new Map<string, CompiledQuery>();

export class KyselyVoucherRepository implements VoucherRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly projectId: string,
    readonly capabilities: DialectCapabilities,
  ) {}

  private live() {
    return this.db
      .selectFrom('vouchers')
      .selectAll()
      .where('project_id', '=', this.projectId)
      .where('deleted_at', 'is', null);
  }

  async findById(id: string): Promise<Voucher | undefined> {
    const row = await this.live().where('id', '=', id).executeTakeFirst();
    return row && toVoucher(row);
  }

  async findByCodeKey(codeKey: string): Promise<Voucher | undefined> {
    const row = await this.live().where('code_key', '=', codeKey).executeTakeFirst();
    return row && toVoucher(row);
  }

  private stored() {
    return this.db.selectFrom('vouchers').selectAll().where('project_id', '=', this.projectId);
  }

  async findStoredByCodeKey(codeKey: string): Promise<StoredVoucher | undefined> {
    const row = await this.stored().where('code_key', '=', codeKey).executeTakeFirst();
    return row && { voucher: toVoucher(row), binned: row.deleted_at !== null };
  }

  async findStoredById(id: string): Promise<StoredVoucher | undefined> {
    const row = await this.stored().where('id', '=', id).executeTakeFirst();
    return row && { voucher: toVoucher(row), binned: row.deleted_at !== null };
  }

  async insert(voucher: NewVoucher): Promise<boolean> {
    const result = await this.db
      .insertInto('vouchers')
      .values(toRow(voucher, this.projectId))
      .onConflict((oc) => oc.columns(['project_id', 'code_key']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async insertMany(vouchers: readonly NewVoucher[]): Promise<string[]> {
    const inserted: string[] = [];
    for (let start = 0; start < vouchers.length; start += INSERT_BATCH) {
      const batch = vouchers.slice(start, start + INSERT_BATCH).map((v) => toRow(v, this.projectId));
      const rows = await this.db
        .insertInto('vouchers')
        .values(batch)
        .onConflict((oc) => oc.columns(['project_id', 'code_key']).doNothing())
        .returning('code')
        .execute();
      for (const row of rows) inserted.push(row.code);
    }
    return inserted;
  }

  /**
   * The INSERT for `rows` generated codes, compiled once per row count: compiling a statement of
   * thousands of parameters costs more than running it, and a million codes take a thousand of them.
   */
  private generatedInsert(rows: number): CompiledQuery {
    const key = `${this.capabilities.name}:${rows}`;
    let compiled = generatedInserts.get(key);
    if (compiled === undefined) {
      const placeholder = { id: '', project_id: '', code: '', code_key: '', campaign_id: '', created_at: '' };
      compiled = this.db
        .insertInto('vouchers')
        .values(Array.from({ length: rows }, () => placeholder))
        .onConflict((oc) => oc.columns(['project_id', 'code_key']).doNothing())
        .compile();
      if (generatedInserts.size >= 16) generatedInserts.clear();
      generatedInserts.set(key, compiled);
    }
    return compiled;
  }

  async insertGenerated(campaignId: string, createdAt: string, vouchers: readonly GeneratedVoucher[]): Promise<number> {
    let inserted = 0;
    for (let start = 0; start < vouchers.length; start += GENERATED_BATCH) {
      const batch = vouchers.slice(start, start + GENERATED_BATCH);
      // In the order the placeholder row's columns were compiled in.
      const parameters: unknown[] = [];
      for (const v of batch) parameters.push(v.id, this.projectId, v.code, v.codeKey, campaignId, createdAt);
      const result = await this.db.executeQuery({ ...this.generatedInsert(batch.length), parameters });
      inserted += Number(result.numAffectedRows ?? 0);
    }
    return inserted;
  }

  async update(voucher: Voucher): Promise<void> {
    const {
      id,
      project_id,
      code,
      code_key,
      created_at,
      redeemed_quantity,
      imported_redeemed_quantity,
      publish_count,
      deleted_at,
      ...changes
    } = toRow({ voucher, codeKey: '' }, this.projectId);
    await this.db
      .updateTable('vouchers')
      .set(changes)
      .where('project_id', '=', project_id)
      .where('id', '=', id)
      .execute();
  }

  async list(query: ListQuery, filters: VoucherListFilters): Promise<ListPage<Voucher>> {
    let base = this.live();
    if (filters.campaign_id !== undefined) base = base.where('campaign_id', '=', filters.campaign_id);
    const categoryId = filters.category_id;
    if (categoryId !== undefined) {
      // A campaign's voucher without a category of its own has its campaign's.
      const inCategory = this.db
        .selectFrom('campaigns')
        .select('id')
        .where('project_id', '=', this.projectId)
        .where('category_id', '=', categoryId);
      base = base.where((eb) =>
        eb.or([
          eb('category_id', '=', categoryId),
          eb.and([eb('category_id', 'is', null), eb('campaign_id', 'in', inCategory)]),
        ]),
      );
    }
    if (filters.customer_id !== undefined) base = base.where('holder_id', '=', filters.customer_id);
    if (filters.code_keys !== undefined) base = base.where('code_key', 'in', [...filters.code_keys, '']);
    const page = await fetchPage(base, query, {
      sortColumns: { created_at: 'created_at', updated_at: 'updated_at', code: 'code' },
    });
    return { ...page, items: page.items.map(toVoucher) };
  }

  async listHeldBy(holderId: string, limit: number): Promise<Voucher[]> {
    const rows = await this.live()
      .where('holder_id', '=', holderId)
      .where((eb) => eb.or([eb('active', 'is', null), eb('active', '=', 1)]))
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toVoucher);
  }

  async countInCampaign(campaignId: string): Promise<number> {
    const row = await this.live()
      .clearSelect()
      .select(sql<number>`count(*)`.as('n'))
      .where('campaign_id', '=', campaignId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  moveToBin(id: string, now: string): Promise<boolean> {
    return moveRowToBin(this.db, 'vouchers', this.projectId, id, now);
  }

  deletePermanently(id: string): Promise<boolean> {
    return deleteRowForGood(this.db, 'vouchers', this.projectId, id);
  }

  /** Ids of up to `limit` vouchers of the campaign: SQLite has no LIMIT on UPDATE and DELETE. */
  private campaignBatch(campaignId: string, limit: number, onlyLive: boolean) {
    let ids = this.db
      .selectFrom('vouchers')
      .select('id')
      .where('project_id', '=', this.projectId)
      .where('campaign_id', '=', campaignId);
    if (onlyLive) ids = ids.where('deleted_at', 'is', null);
    return ids.limit(limit);
  }

  async binCampaignVouchers(campaignId: string, now: string, limit: number): Promise<number> {
    const result = await this.db
      .updateTable('vouchers')
      .set({ deleted_at: now })
      .where('project_id', '=', this.projectId)
      .where('id', 'in', this.campaignBatch(campaignId, limit, true))
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async deleteCampaignVouchers(campaignId: string, limit: number): Promise<number> {
    const result = await this.db
      .deleteFrom('vouchers')
      .where('project_id', '=', this.projectId)
      .where('id', 'in', this.campaignBatch(campaignId, limit, false))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async incrementRedeemed(id: string, limit: number | null, reservations?: ReservationsInForce): Promise<boolean> {
    let update = this.db
      .updateTable('vouchers')
      .set({ redeemed_quantity: sql`redeemed_quantity + 1` })
      .where('project_id', '=', this.projectId)
      .where('id', '=', id);
    if (limit !== null && reservations) {
      // Other sessions' live reservations count as uses, but are counted only while some session
      // can still hold one (CASE evaluates the subquery only then): the usual voucher pays nothing.
      const { now, exceptKey } = reservations;
      const others = sql<number>`(select count(*) from validation_sessions s
        where s.project_id = ${this.projectId} and s.voucher_id = ${id} and s.expires_at > ${now}
        ${exceptKey === null ? sql`` : sql`and s.session_key <> ${exceptKey}`})`;
      update = update.where(
        sql<number>`redeemed_quantity + case when reserved_until > ${now} then ${others} else 0 end`,
        '<',
        limit,
      );
    } else if (limit !== null) update = update.where('redeemed_quantity', '<', limit);
    const result = await update.executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async decrementRedeemed(id: string): Promise<void> {
    await this.db
      .updateTable('vouchers')
      .set({ redeemed_quantity: sql`redeemed_quantity - 1` })
      .where('project_id', '=', this.projectId)
      .where('id', '=', id)
      .where('redeemed_quantity', '>', 0)
      .execute();
  }
}
