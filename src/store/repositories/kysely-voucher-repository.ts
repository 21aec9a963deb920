import { type Kysely, type Selectable, sql } from 'kysely';
import type { NewVoucher, VoucherListFilters, VoucherRepository } from '../../app/repositories/voucher-repository.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { Voucher, VoucherType } from '../../domain/vouchers/voucher.js';
import type { DialectCapabilities } from '../dialects/capabilities.js';
import { fromJson, toJson } from '../json-columns.js';
import { fetchPage } from '../list-pages.js';
import type { Database, VouchersTable } from '../tables.js';

/** Rows per multi-row INSERT: about 30 parameters a row stays under SQLite's 32,766 limit. */
const INSERT_BATCH = 500;

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
    publish_count: voucher.publish_count,
    created_at: voucher.created_at,
    updated_at: voucher.updated_at,
    deleted_at: null,
  };
}

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

  async update(voucher: Voucher): Promise<void> {
    const { id, project_id, code, code_key, created_at, redeemed_quantity, publish_count, deleted_at, ...changes } =
      toRow({ voucher, codeKey: '' }, this.projectId);
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
    if (filters.category_id !== undefined) base = base.where('category_id', '=', filters.category_id);
    if (filters.customer_id !== undefined) base = base.where('holder_id', '=', filters.customer_id);
    const page = await fetchPage(base, query, {
      sortColumns: { created_at: 'created_at', updated_at: 'updated_at', code: 'code' },
    });
    return { ...page, items: page.items.map(toVoucher) };
  }

  async incrementRedeemed(id: string, limit: number | null): Promise<boolean> {
    let update = this.db
      .updateTable('vouchers')
      .set({ redeemed_quantity: sql`redeemed_quantity + 1` })
      .where('project_id', '=', this.projectId)
      .where('id', '=', id);
    if (limit !== null) update = update.where('redeemed_quantity', '<', limit);
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
