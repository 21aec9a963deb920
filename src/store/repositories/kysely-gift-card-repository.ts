import { type Kysely, type Selectable, sql } from 'kysely';
import type { GiftCardRepository, GiftCounters } from '../../app/repositories/gift-card-repository.js';
import type { ReservationsInForce } from '../../app/repositories/voucher-repository.js';
import type { GiftTransactionType, VoucherTransaction } from '../../domain/gift-cards/voucher-transaction.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { DialectCapabilities } from '../dialects/capabilities.js';
import { fromJson, toJson } from '../json-columns.js';
import { fetchPage } from '../list-pages.js';
import type { Database, VoucherTransactionsTable } from '../tables.js';

function toTransaction(row: Selectable<VoucherTransactionsTable>): VoucherTransaction {
  return {
    id: row.id,
    voucher_id: row.voucher_id,
    campaign_id: row.campaign_id,
    type: row.type as GiftTransactionType,
    amount: Number(row.amount),
    balance: Number(row.balance),
    total: Number(row.total),
    source_id: row.source_id,
    source: row.source,
    reason: row.reason,
    redemption_id: row.redemption_id,
    details: fromJson(row.details, {}),
    created_at: row.created_at,
  };
}

function toCounters(row: { gift_balance: number | string | null; gift_total: number | string | null }): GiftCounters {
  return { balance: Number(row.gift_balance), total: Number(row.gift_total) };
}

/** What else a movement's write requires: a balance left at or above `floor`, no reservation live at `unreservedAt`. */
interface MoveGuard {
  floor?: number;
  unreservedAt?: string;
}

export class KyselyGiftCardRepository implements GiftCardRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly projectId: string,
    private readonly capabilities: DialectCapabilities,
  ) {}

  /**
   * One UPDATE that first fills unset counters with the opening amount, then moves them by
   * `balanceBy`/`totalBy`, only where the new balance stays at or above zero. The row lock it
   * takes serialises racing movements; each sees the balance the previous one left.
   */
  private async move(
    voucherId: string,
    opening: number,
    balanceBy: number,
    totalBy: number,
    guard: MoveGuard = {},
  ): Promise<GiftCounters | undefined> {
    const balance = sql<number>`coalesce(gift_balance, ${opening})`;
    let update = this.db
      .updateTable('vouchers')
      .set({
        gift_opening: sql`coalesce(gift_opening, ${opening})`,
        gift_total: sql`coalesce(gift_total, ${opening}) + ${totalBy}`,
        gift_balance: sql`${balance} + ${balanceBy}`,
      })
      .where('project_id', '=', this.projectId)
      .where('id', '=', voucherId)
      .where(sql<boolean>`${balance} + ${balanceBy} >= ${guard.floor ?? 0}`)
      // Parallel top-ups each passed the check on a stale balance: the write holds the ceiling.
      .where(sql<boolean>`${balance} + ${balanceBy} <= ${Number.MAX_SAFE_INTEGER}`)
      .where(sql<boolean>`coalesce(gift_total, ${opening}) + ${totalBy} <= ${Number.MAX_SAFE_INTEGER}`);
    const { unreservedAt } = guard;
    if (unreservedAt !== undefined) {
      update = update.where((eb) =>
        eb.or([eb('reserved_until', 'is', null), eb('reserved_until', '<=', unreservedAt)]),
      );
    }
    const row = await update.returning(['gift_balance', 'gift_total']).executeTakeFirst();
    return row && toCounters(row);
  }

  async spend(
    voucherId: string,
    opening: number,
    credits: number,
    reservations?: ReservationsInForce,
  ): Promise<GiftCounters | undefined> {
    if (!reservations) return this.move(voucherId, opening, -credits, 0);
    // The usual card has no live reservation: one conditional write. Should a session reserve
    // credits meanwhile, raising reserved_until, the write misses and the careful path runs.
    const plain = await this.move(voucherId, opening, -credits, 0, { unreservedAt: reservations.now });
    return plain ?? this.spendAroundReservations(voucherId, opening, credits, reservations);
  }

  /**
   * The careful path (as a voucher's use takes it): the card's row is locked first, then the
   * credits other live sessions hold are summed by a later statement, which sees every reservation
   * committed before the lock was granted; the spend leaves at least those on the card.
   */
  private async spendAroundReservations(
    voucherId: string,
    opening: number,
    credits: number,
    reservations: ReservationsInForce,
  ): Promise<GiftCounters | undefined> {
    let locking = this.db
      .selectFrom('vouchers')
      .select('reserved_until')
      .where('project_id', '=', this.projectId)
      .where('id', '=', voucherId);
    if (this.capabilities.supportsRowLocks) locking = locking.forUpdate();
    const row = await locking.executeTakeFirst();
    if (!row) return undefined;
    const { now, exceptKey } = reservations;
    let held = 0;
    if (row.reserved_until !== null && row.reserved_until > now) {
      let live = this.db
        .selectFrom('validation_sessions')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('gift_credits'), eb.lit(0)).as('credits'))
        .where('project_id', '=', this.projectId)
        .where('voucher_id', '=', voucherId)
        .where('expires_at', '>', now);
      if (exceptKey !== null) live = live.where('session_key', '!=', exceptKey);
      held = Number((await live.executeTakeFirstOrThrow()).credits);
    }
    return this.move(voucherId, opening, -credits, 0, { floor: held });
  }

  refund(voucherId: string, opening: number, credits: number): Promise<GiftCounters | undefined> {
    return this.move(voucherId, opening, credits, 0);
  }

  adjust(voucherId: string, opening: number, amount: number): Promise<GiftCounters | undefined> {
    return this.move(voucherId, opening, amount, amount);
  }

  async appendTransaction(t: VoucherTransaction): Promise<void> {
    await this.db
      .insertInto('voucher_transactions')
      .values({
        id: t.id,
        project_id: this.projectId,
        voucher_id: t.voucher_id,
        campaign_id: t.campaign_id,
        type: t.type,
        amount: t.amount,
        balance: t.balance,
        total: t.total,
        source_id: t.source_id,
        source: t.source,
        reason: t.reason,
        redemption_id: t.redemption_id,
        details: toJson(t.details),
        created_at: t.created_at,
      })
      .execute();
  }

  private ofVoucher(voucherId: string) {
    return this.db
      .selectFrom('voucher_transactions')
      .selectAll()
      .where('project_id', '=', this.projectId)
      .where('voucher_id', '=', voucherId);
  }

  async listTransactions(voucherId: string, query: ListQuery): Promise<ListPage<VoucherTransaction>> {
    const page = await fetchPage(this.ofVoucher(voucherId), query, {
      sortColumns: { created_at: 'created_at', id: 'id' },
      countTotal: false,
      updatedAtColumn: null,
    });
    return { ...page, items: page.items.map(toTransaction) };
  }

  async allTransactions(voucherId: string, direction: 'asc' | 'desc'): Promise<VoucherTransaction[]> {
    const rows = await this.ofVoucher(voucherId).orderBy('created_at', direction).orderBy('id', direction).execute();
    return rows.map(toTransaction);
  }
}
