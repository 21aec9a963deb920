import { type Kysely, sql } from 'kysely';
import type { ReservationsInForce } from '../../app/repositories/voucher-repository.js';
import type { DialectCapabilities } from '../dialects/capabilities.js';
import { PreparedQuery } from '../prepared-query.js';
import type { Database } from '../tables.js';

/** A redemption's use of its voucher: one relative write, refused by its condition once the limit is reached. */
const redeemUnlimited = new PreparedQuery((db, projectId: string, id: string) =>
  db
    .updateTable('vouchers')
    .set({ redeemed_quantity: sql`redeemed_quantity + 1` })
    .where('project_id', '=', projectId)
    .where('id', '=', id),
);
const redeemWithinLimit = new PreparedQuery((db, projectId: string, id: string, limit: number) =>
  db
    .updateTable('vouchers')
    .set({ redeemed_quantity: sql`redeemed_quantity + 1` })
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .where('redeemed_quantity', '<', limit),
);
/** The same when no validation session holds a use of the voucher (the usual case). */
const redeemUnreserved = new PreparedQuery((db, projectId: string, id: string, limit: number, now: string) =>
  db
    .updateTable('vouchers')
    .set({ redeemed_quantity: sql`redeemed_quantity + 1` })
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .where('redeemed_quantity', '<', limit)
    .where((eb) => eb.or([eb('reserved_until', 'is', null), eb('reserved_until', '<=', now)])),
);

/**
 * Counts one use of a voucher if its limit (and the uses live validation sessions hold) allows it:
 * of racing redemptions only as many as the limit allows get through, whatever they read before.
 */
export async function countVoucherUse(
  db: Kysely<Database>,
  capabilities: DialectCapabilities,
  projectId: string,
  id: string,
  limit: number | null,
  reservations?: ReservationsInForce,
): Promise<boolean> {
  if (limit === null) return (await redeemUnlimited.affected(db, projectId, id)) === 1;
  if (!reservations) return (await redeemWithinLimit.affected(db, projectId, id, limit)) === 1;
  // The usual voucher has no live reservation: one conditional write. Should a session reserve a
  // use meanwhile, raising reserved_until, PostgreSQL re-checks this condition on the new row
  // version and the write misses, so the careful path below runs instead.
  const plain = await redeemUnreserved.affected(db, projectId, id, limit, reservations.now);
  if (plain === 1) return true;
  return countAroundReservations(db, capabilities, projectId, id, limit, reservations);
}

/**
 * The careful path: the voucher's row is locked first, and the live reservations are counted by
 * a later statement, whose fresh snapshot (READ COMMITTED) sees every reservation committed
 * before the lock was granted. One statement could not: its subquery keeps the snapshot it
 * started with, and would miss a reservation committed while it waited for the row.
 */
async function countAroundReservations(
  db: Kysely<Database>,
  capabilities: DialectCapabilities,
  projectId: string,
  id: string,
  limit: number,
  reservations: ReservationsInForce,
): Promise<boolean> {
  let locking = db
    .selectFrom('vouchers')
    .select(['redeemed_quantity', 'reserved_until'])
    .where('project_id', '=', projectId)
    .where('id', '=', id);
  if (capabilities.supportsRowLocks) locking = locking.forUpdate();
  const row = await locking.executeTakeFirst();
  if (!row) return false;
  const { now, exceptKey } = reservations;
  let reserved = 0;
  if (row.reserved_until !== null && row.reserved_until > now) {
    let live = db
      .selectFrom('validation_sessions')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('project_id', '=', projectId)
      .where('voucher_id', '=', id)
      .where('expires_at', '>', now);
    if (exceptKey !== null) live = live.where('session_key', '!=', exceptKey);
    reserved = Number((await live.executeTakeFirstOrThrow()).n);
  }
  if (Number(row.redeemed_quantity) + reserved >= limit) return false;
  await db
    .updateTable('vouchers')
    .set({ redeemed_quantity: sql`redeemed_quantity + 1` })
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .execute();
  return true;
}

/** A rolled back use given back; never below zero. */
export async function giveVoucherUseBack(db: Kysely<Database>, projectId: string, id: string): Promise<void> {
  await db
    .updateTable('vouchers')
    .set({ redeemed_quantity: sql`redeemed_quantity - 1` })
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .where('redeemed_quantity', '>', 0)
    .execute();
}
