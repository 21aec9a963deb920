import { type CompiledQuery, type Kysely, sql } from 'kysely';
import type {
  GeneratedVoucher,
  NewVoucher,
  ReservationsInForce,
  StoredVoucher,
  VoucherClaim,
  VoucherExportPage,
  VoucherListFilters,
  VoucherRepository,
} from '../../app/repositories/voucher-repository.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { Voucher } from '../../domain/vouchers/voucher.js';
import { deleteRowForGood, moveRowToBin } from '../binned-rows.js';
import type { DialectCapabilities } from '../dialects/capabilities.js';
import { matchesTextSearch } from '../filters/text-search.js';
import { fetchPage } from '../list-pages.js';
import { PreparedQuery } from '../prepared-query.js';
import type { Database } from '../tables.js';
import { toRow, toVoucher } from './voucher-rows.js';
import { countVoucherUse, giveVoucherUseBack } from './voucher-use-counting.js';

/** Rows per multi-row INSERT: about 30 parameters a row stays under SQLite's 32,766 limit. */
const INSERT_BATCH = 500;
/** Rows per INSERT of generated codes: 6 parameters a row. */
const GENERATED_BATCH = 1000;

/** Compiled INSERTs of generated codes, by dialect and row count; they hold no values. */
const generatedInserts = new Map<string, CompiledQuery>();

/** Every validation and redemption of a code starts here. */
const liveByCodeKey = new PreparedQuery((db, projectId: string, codeKey: string) =>
  db
    .selectFrom('vouchers')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('deleted_at', 'is', null)
    .where('code_key', '=', codeKey),
);

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
    const row = await liveByCodeKey.first(this.db, this.projectId, codeKey);
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
    // A contains match on the code as shown: it reads the project's vouchers, as counting the
    // page's total already does, and finds a code by any part of it.
    if (filters.search !== undefined) {
      base = base.where(matchesTextSearch(this.capabilities, [sql.ref<string>('code')], filters.search));
    }
    const page = await fetchPage(base, query, {
      sortColumns: { created_at: 'created_at', updated_at: 'updated_at', code: 'code' },
    });
    return { ...page, items: page.items.map(toVoucher) };
  }

  async listForExport(page: VoucherExportPage): Promise<Voucher[]> {
    if (page.campaignIds !== null && page.campaignIds.length === 0) return [];
    let query = this.live().where('created_at', '<=', page.createdUntil);
    if (page.campaignIds !== null) query = query.where('campaign_id', 'in', [...page.campaignIds]);
    // Never-updated vouchers have no updated_at: their creation stands in, so the key is never null
    // and the keyset comparison below holds on both databases.
    const sortKey =
      page.order.field === 'updated_at'
        ? sql<string>`coalesce(updated_at, created_at)`
        : sql.ref<string>(page.order.field);
    const { direction } = page.order;
    const after = page.after;
    if (after !== undefined) {
      const value =
        page.order.field === 'updated_at' ? (after.updated_at ?? after.created_at) : after[page.order.field];
      const beyond = direction === 'asc' ? '>' : '<';
      query = query.where((eb) =>
        eb.or([eb(sortKey, beyond, value), eb.and([eb(sortKey, '=', value), eb('id', beyond, after.id)])]),
      );
    }
    const rows = await query.orderBy(sortKey, direction).orderBy('id', direction).limit(page.limit).execute();
    return rows.map(toVoucher);
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

  /**
   * What a publication writes on each code it hands out. The validity a publication starts is set
   * only when the code first gets its holder: publishing a held code to its holder again must not
   * lengthen its life.
   */
  private claimChanges(claim: VoucherClaim) {
    const { validity } = claim;
    const firstTime = <T>(fresh: T, column: 'start_date' | 'expiration_date') =>
      sql<string | null>`case when holder_id is null then ${fresh} else ${sql.ref(column)} end`;
    return {
      holder_id: claim.holderId,
      publish_count: sql<number>`publish_count + 1`,
      updated_at: claim.now,
      ...(validity
        ? {
            start_date: firstTime(validity.start_date, 'start_date'),
            expiration_date: firstTime(validity.expiration_date, 'expiration_date'),
          }
        : {}),
    };
  }

  /** Switched on and not expired at `now`; a code without an expiration of its own has its campaign's. */
  private publishable(claim: VoucherClaim) {
    const expiration = sql<string | null>`coalesce(expiration_date, ${claim.inheritedExpiration})`;
    return sql<boolean>`(active is null or active = 1) and (${expiration} is null or ${expiration} > ${claim.now})`;
  }

  async claimUnpublished(campaignId: string, claim: VoucherClaim, count: number): Promise<Voucher[]> {
    let free = this.db
      .selectFrom('vouchers')
      .select('id')
      .where('project_id', '=', this.projectId)
      .where('campaign_id', '=', campaignId)
      .where('deleted_at', 'is', null)
      .where('holder_id', 'is', null)
      .where(this.publishable(claim))
      .orderBy('created_at')
      .orderBy('id')
      .limit(count);
    if (this.capabilities.supportsSkipLocked) free = free.forUpdate().skipLocked();
    // A materialized CTE picks once: as an IN subquery PostgreSQL may rescan it per row, and each
    // rescan skips the rows this statement already updated, so LIMIT would stop limiting.
    const rows = await this.db
      .with(
        (cte) => cte('picked').materialized(),
        () => free,
      )
      .updateTable('vouchers')
      .set(this.claimChanges(claim))
      .where('project_id', '=', this.projectId)
      .where('id', 'in', (eb) => eb.selectFrom('picked').select('picked.id'))
      // Under PostgreSQL's READ COMMITTED a row claimed and committed meanwhile is read again here.
      .where('holder_id', 'is', null)
      .returningAll()
      .execute();
    return rows
      .map(toVoucher)
      .sort((a, b) => a.created_at.localeCompare(b.created_at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async publishTo(id: string, claim: VoucherClaim): Promise<Voucher | undefined> {
    const row = await this.db
      .updateTable('vouchers')
      .set(this.claimChanges(claim))
      .where('project_id', '=', this.projectId)
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .where((eb) => eb.or([eb('holder_id', 'is', null), eb('holder_id', '=', claim.holderId)]))
      .where(this.publishable(claim))
      .returningAll()
      .executeTakeFirst();
    return row && toVoucher(row);
  }

  async findHeldInCampaign(campaignId: string, holderId: string): Promise<Voucher | undefined> {
    const row = await this.live()
      .where('holder_id', '=', holderId)
      .where('campaign_id', '=', campaignId)
      .orderBy('created_at')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    return row && toVoucher(row);
  }

  async listHeld(holderId: string, query: ListQuery): Promise<ListPage<Voucher>> {
    const page = await fetchPage(this.live().where('holder_id', '=', holderId), query, {
      sortColumns: { created_at: 'created_at', id: 'id' },
      countTotal: query.starting_after_id === undefined,
    });
    return { ...page, items: page.items.map(toVoucher) };
  }

  async countInCampaign(campaignId: string): Promise<number> {
    const row = await this.live()
      .clearSelect()
      .select(sql<number>`count(*)`.as('n'))
      .where('campaign_id', '=', campaignId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * A voucher binned or deleted can no longer be redeemed: the uses its validation sessions
   * reserved end with it, or they would keep counting against its campaign's limits.
   */
  private async endReservations(by: 'voucher_id' | 'campaign_id', id: string): Promise<void> {
    await this.db
      .deleteFrom('validation_sessions')
      .where('project_id', '=', this.projectId)
      .where(by, '=', id)
      .execute();
  }

  async moveToBin(id: string, now: string): Promise<boolean> {
    await this.endReservations('voucher_id', id);
    return moveRowToBin(this.db, 'vouchers', this.projectId, id, now);
  }

  async deletePermanently(id: string): Promise<boolean> {
    await this.endReservations('voucher_id', id);
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
    await this.endReservations('campaign_id', campaignId);
    const result = await this.db
      .updateTable('vouchers')
      .set({ deleted_at: now })
      .where('project_id', '=', this.projectId)
      .where('id', 'in', this.campaignBatch(campaignId, limit, true))
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async deleteCampaignVouchers(campaignId: string, limit: number): Promise<number> {
    await this.endReservations('campaign_id', campaignId);
    const result = await this.db
      .deleteFrom('vouchers')
      .where('project_id', '=', this.projectId)
      .where('id', 'in', this.campaignBatch(campaignId, limit, false))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  incrementRedeemed(id: string, limit: number | null, reservations?: ReservationsInForce): Promise<boolean> {
    return countVoucherUse(this.db, this.capabilities, this.projectId, id, limit, reservations);
  }

  decrementRedeemed(id: string): Promise<void> {
    return giveVoucherUseBack(this.db, this.projectId, id);
  }
}
