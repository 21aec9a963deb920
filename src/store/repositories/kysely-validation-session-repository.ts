import { type Kysely, sql } from 'kysely';
import type {
  HeldByOthers,
  Reservation,
  ReservationRefusal,
  ReservedCountQuery,
  ReservedUses,
  ValidationSessionRepository,
} from '../../app/repositories/validation-session-repository.js';
import type { Database } from '../tables.js';

export class KyselyValidationSessionRepository implements ValidationSessionRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly projectId: string,
  ) {}

  async reserve(reservation: Reservation, limit: number | null, now: string): Promise<ReservationRefusal | null> {
    const { key, voucherId, expiresAt } = reservation;
    // Raising reserved_until locks the voucher's row until commit: a redemption of it waits here.
    const locked = await this.db
      .updateTable('vouchers')
      .set({
        reserved_until: sql`case when reserved_until is null or reserved_until < ${expiresAt} then ${expiresAt} else reserved_until end`,
      })
      .where('project_id', '=', this.projectId)
      .where('id', '=', voucherId)
      .returning(['redeemed_quantity', 'gift_balance'])
      .executeTakeFirst();
    if (!locked) return 'quantity_exceeded';
    // Ended reservations of this voucher go while its row is held: they hold nothing any more.
    await this.db
      .deleteFrom('validation_sessions')
      .where('project_id', '=', this.projectId)
      .where('voucher_id', '=', voucherId)
      .where('expires_at', '<=', now)
      .execute();
    if (limit !== null || reservation.giftCredits > 0) {
      const others = await this.countLive(voucherId, now, key);
      if (limit !== null && Number(locked.redeemed_quantity) + others.uses >= limit) return 'quantity_exceeded';
      const balance = locked.gift_balance === null ? reservation.giftOpening : Number(locked.gift_balance);
      const short = balance - others.giftCredits < reservation.giftCredits;
      if (reservation.giftCredits > 0 && short) return 'gift_amount_exceeded';
    }
    await this.db
      .insertInto('validation_sessions')
      .values({
        project_id: this.projectId,
        session_key: key,
        voucher_id: voucherId,
        campaign_id: reservation.campaignId,
        customer_id: reservation.customerId,
        order_amount: reservation.orderAmount,
        gift_credits: reservation.giftCredits,
        expires_at: expiresAt,
        created_at: now,
      })
      .onConflict((conflict) =>
        conflict.columns(['project_id', 'session_key', 'voucher_id']).doUpdateSet({
          campaign_id: reservation.campaignId,
          customer_id: reservation.customerId,
          order_amount: reservation.orderAmount,
          gift_credits: reservation.giftCredits,
          expires_at: expiresAt,
          created_at: now,
        }),
      )
      .execute();
    return null;
  }

  async release(voucherId: string, key: string, now: string): Promise<boolean> {
    const rows = await this.db
      .deleteFrom('validation_sessions')
      .where('project_id', '=', this.projectId)
      .where('voucher_id', '=', voucherId)
      .where('session_key', '=', key)
      .returning('expires_at')
      .execute();
    // An ended session's row may linger until the voucher's next reservation sweeps it: it held nothing.
    return rows.some((row) => row.expires_at > now);
  }

  async releaseAllBut(key: string, voucherIds: readonly string[]): Promise<void> {
    let query = this.db
      .deleteFrom('validation_sessions')
      .where('project_id', '=', this.projectId)
      .where('session_key', '=', key);
    if (voucherIds.length > 0) query = query.where('voucher_id', 'not in', [...voucherIds]);
    await query.execute();
  }

  async countLive(voucherId: string, now: string, exceptKey: string | null): Promise<HeldByOthers> {
    let query = this.db
      .selectFrom('validation_sessions')
      .select((eb) => [
        eb.fn.countAll<number | string>().as('n'),
        eb.fn.coalesce(eb.fn.sum<number | string>('gift_credits'), eb.lit(0)).as('credits'),
      ])
      .where('project_id', '=', this.projectId)
      .where('voucher_id', '=', voucherId)
      .where('expires_at', '>', now);
    if (exceptKey !== null) query = query.where('session_key', '!=', exceptKey);
    const row = await query.executeTakeFirstOrThrow();
    return { uses: Number(row.n), giftCredits: Number(row.credits) };
  }

  async countReserved(query: ReservedCountQuery): Promise<ReservedUses> {
    const { scope } = query;
    if (scope.type === 'promotion_tier') return { uses: 0, ordersAmount: 0 };
    let count = this.db
      .selectFrom('validation_sessions')
      .select((eb) => [
        eb.fn.countAll<number | string>().as('uses'),
        eb.fn.coalesce(eb.fn.sum<number | string>('order_amount'), eb.lit(0)).as('amount'),
      ])
      .where('project_id', '=', this.projectId)
      .where(scope.type === 'voucher' ? 'voucher_id' : 'campaign_id', '=', scope.id)
      .where('expires_at', '>', query.now);
    if (query.customerId !== undefined) count = count.where('customer_id', '=', query.customerId);
    if (query.exceptKey !== null) count = count.where('session_key', '!=', query.exceptKey);
    const row = await count.executeTakeFirstOrThrow();
    return { uses: Number(row.uses), ordersAmount: Number(row.amount) };
  }
}
