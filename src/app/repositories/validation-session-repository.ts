/** Uses of vouchers reserved by validation sessions (LOCK), each until its session ends. */
export interface ValidationSessionRepository {
  /**
   * Reserves one use of the voucher for the session until `expiresAt`, unless its redemptions
   * and the other sessions' live reservations already take every use (`limit`; null: no limit).
   * Locks the voucher's row first, so reservations and redemptions of it take turns. The same
   * key reserving again replaces its reservation (Voucherify: "sending an existing ID overwrites").
   */
  reserve(voucherId: string, key: string, expiresAt: string, limit: number | null, now: string): Promise<boolean>;
  /** Ends the session's reservation of the voucher; answers whether one was still live at `now`. */
  release(voucherId: string, key: string, now: string): Promise<boolean>;
  /** Ends the session's reservations of every voucher but these: a session validated again is what it now names. */
  releaseAllBut(key: string, voucherIds: readonly string[]): Promise<void>;
  /** Live reservations of the voucher, not counting the session `exceptKey`. */
  countLive(voucherId: string, now: string, exceptKey: string | null): Promise<number>;
}
