import type { QualifiedRedeemable } from './qualified-redeemable.js';

/**
 * Paging cursors. Voucherify pages qualifications with `starting_after`, a date-time: the
 * `created_at` of the last redeemable shown. Many codes can share one millisecond (a campaign's
 * generated codes all do), so a bare timestamp would skip the rest of a page cut inside such a
 * group. When a redeemable shares its millisecond with another, its cursor carries nine more
 * fractional digits, a hash of what it is: still a valid RFC 3339 date-time, and a plain
 * `created_at` sent by a client keeps its documented meaning ("created before this").
 */

const TIE_DIGITS = 9;
const TIE_RANGE = 10 ** TIE_DIGITS;

export interface CursorKey {
  /** `created_at` in epoch milliseconds. */
  ms: number;
  /** Which redeemable of that millisecond; null for a plain timestamp (before every one of them). */
  tie: number | null;
}

function fnv1a(hash: number, text: string): number {
  let next = hash;
  for (let i = 0; i < text.length; i++) {
    next ^= text.charCodeAt(i);
    next = Math.imul(next, 0x01000193) >>> 0;
  }
  return next;
}

/**
 * FNV-1a over `object:id`, folded into TIE_DIGITS decimal digits. The three parts are hashed in
 * turn rather than joined first: the same hash, without a string per redeemable sorted.
 */
export function tieOf(redeemable: Pick<QualifiedRedeemable, 'object' | 'id'>): number {
  return fnv1a(fnv1a(fnv1a(0x811c9dc5, redeemable.object), ':'), redeemable.id) % TIE_RANGE;
}

export function cursorKeyOf(redeemable: Pick<QualifiedRedeemable, 'object' | 'id' | 'created_at'>): CursorKey {
  return { ms: Date.parse(redeemable.created_at), tie: tieOf(redeemable) };
}

/** The cursor after `redeemable`; the tie digits only when another redeemable shares its millisecond. */
export function encodeCursor(key: CursorKey, shared: boolean): string {
  const iso = new Date(key.ms).toISOString();
  if (!shared || key.tie === null) return iso;
  return `${iso.slice(0, -1)}${String(key.tie).padStart(TIE_DIGITS, '0')}Z`;
}

const WITH_TIE = new RegExp(`^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3})(\\d{${TIE_DIGITS}})Z$`);

/** Reads a cursor this API made, or any date-time a client sends; null when it is not one. */
export function decodeCursor(cursor: string): CursorKey | null {
  const tied = WITH_TIE.exec(cursor);
  if (tied) {
    const ms = Date.parse(`${tied[1]}Z`);
    return Number.isNaN(ms) ? null : { ms, tie: Number(tied[2]) };
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(cursor)) return null;
  const ms = Date.parse(cursor);
  return Number.isNaN(ms) ? null : { ms, tie: null };
}

/** Whether `key` comes after `cursor` in newest-first order: older, or in the same millisecond a lower tie. */
export function isAfterCursor(key: CursorKey, cursor: CursorKey): boolean {
  if (key.ms !== cursor.ms) return key.ms < cursor.ms;
  return cursor.tie !== null && key.tie !== null && key.tie < cursor.tie;
}
