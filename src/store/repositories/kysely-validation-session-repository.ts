import { type Kysely, sql } from 'kysely';
import type { ValidationSessionRepository } from '../../app/repositories/validation-session-repository.js';
import type { Database } from '../tables.js';

export class KyselyValidationSessionRepository implements ValidationSessionRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly projectId: string,
  ) {}

  async reserve(
    voucherId: string,
    key: string,
    expiresAt: string,
    limit: number | null,
    now: string,
  ): Promise<boolean> {
    // Raising reserved_until locks the voucher's row until commit: a redemption of it waits here.
    const locked = await this.db
      .updateTable('vouchers')
      .set({
        reserved_until: sql`case when reserved_until is null or reserved_until < ${expiresAt} then ${expiresAt} else reserved_until end`,
      })
      .where('project_id', '=', this.projectId)
      .where('id', '=', voucherId)
      .returning('redeemed_quantity')
      .executeTakeFirst();
    if (!locked) return false;
    // Ended reservations of this voucher go while its row is held: they hold nothing any more.
    await this.db
      .deleteFrom('validation_sessions')
      .where('project_id', '=', this.projectId)
      .where('voucher_id', '=', voucherId)
      .where('expires_at', '<=', now)
      .execute();
    if (limit !== null) {
      const others = await this.countLive(voucherId, now, key);
      if (Number(locked.redeemed_quantity) + others >= limit) return false;
    }
    await this.db
      .insertInto('validation_sessions')
      .values({
        project_id: this.projectId,
        session_key: key,
        voucher_id: voucherId,
        expires_at: expiresAt,
        created_at: now,
      })
      .onConflict((conflict) =>
        conflict
          .columns(['project_id', 'session_key', 'voucher_id'])
          .doUpdateSet({ expires_at: expiresAt, created_at: now }),
      )
      .execute();
    return true;
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

  async countLive(voucherId: string, now: string, exceptKey: string | null): Promise<number> {
    let query = this.db
      .selectFrom('validation_sessions')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('project_id', '=', this.projectId)
      .where('voucher_id', '=', voucherId)
      .where('expires_at', '>', now);
    if (exceptKey !== null) query = query.where('session_key', '!=', exceptKey);
    const row = await query.executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
