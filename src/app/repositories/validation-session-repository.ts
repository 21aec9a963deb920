import type { RuleScope } from '../../domain/rules/check-assigned-rules.js';

/** One use of a voucher a session reserves, with what that use would count against once redeemed. */
export interface Reservation {
  key: string;
  voucherId: string;
  campaignId: string | null;
  customerId: string | null;
  /** The amount of the order validated, which a campaign's `orders.amount` rule would count. */
  orderAmount: number;
  /** A gift card's credits held for the order (0: none), and the card's opening amount, for a balance never moved yet. */
  giftCredits: number;
  giftOpening: number;
  expiresAt: string;
}

/** Why a reservation could not be made: every use, or the card's credits, are taken. */
export type ReservationRefusal = 'quantity_exceeded' | 'gift_amount_exceeded';

/** What live sessions other than one hold of a voucher. */
export interface HeldByOthers {
  uses: number;
  giftCredits: number;
}

/** Which live reservations a counting rule adds to the redemptions it counts. */
export interface ReservedCountQuery {
  scope: RuleScope;
  /** Only those for this customer. */
  customerId?: string;
  now: string;
  /** The request's own session, whose reservation its redemption turns into the use it counts. */
  exceptKey: string | null;
}

export interface ReservedUses {
  uses: number;
  ordersAmount: number;
}

/** Uses of vouchers reserved by validation sessions (LOCK), each until its session ends. */
export interface ValidationSessionRepository {
  /**
   * Reserves one use of the voucher (and the gift credits asked) for the session until `expiresAt`,
   * unless its redemptions and the other sessions' live reservations already take every use
   * (`limit`; null: no limit) or the card's balance less their credits is short. Locks the voucher's
   * row first, so reservations and redemptions of it take turns. The same key reserving again
   * replaces its reservation (Voucherify: "sending an existing ID overwrites").
   */
  reserve(reservation: Reservation, limit: number | null, now: string): Promise<ReservationRefusal | null>;
  /** Ends the session's reservation of the voucher; answers whether one was still live at `now`. */
  release(voucherId: string, key: string, now: string): Promise<boolean>;
  /** Ends the session's reservations of every voucher but these: a session validated again is what it now names. */
  releaseAllBut(key: string, voucherIds: readonly string[]): Promise<void>;
  /** Live reservations of the voucher, and the gift credits they hold, not counting the session `exceptKey`. */
  countLive(voucherId: string, now: string, exceptKey: string | null): Promise<HeldByOthers>;
  /** Live reservations within a rule's scope (a voucher's or a campaign's; a tier has none), and their orders' amounts. */
  countReserved(query: ReservedCountQuery): Promise<ReservedUses>;
}
