import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { Voucher } from '../../domain/vouchers/voucher.js';

/** A voucher to store, with the key its code is compared by (see codeKey). */
export interface NewVoucher {
  voucher: Voucher;
  codeKey: string;
}

/** A generated code of a campaign: everything but its code and id inherits from the campaign. */
export interface GeneratedVoucher {
  id: string;
  code: string;
  codeKey: string;
}

/** A voucher as stored, also when it is in the bin. */
export interface StoredVoucher {
  voucher: Voucher;
  binned: boolean;
}

export interface VoucherListFilters {
  campaign_id?: string;
  category_id?: string;
  customer_id?: string;
  /** Only vouchers whose code key is one of these. */
  code_keys?: readonly string[];
  /** Vouch's list search: the code, partly and whatever the case. */
  search?: string;
}

/**
 * What a redemption knows of validation sessions: the time, and its own session, whose
 * reservation it is about to use (so that one does not count against it).
 */
export interface ReservationsInForce {
  now: string;
  exceptKey: string | null;
}

/** Who a publication hands codes to, when, and the validity they start with (if the campaign sets one). */
export interface VoucherClaim {
  holderId: string;
  now: string;
  validity: { start_date: string; expiration_date: string } | null;
  /** The campaign's expiration, which a code without its own inherits. */
  inheritedExpiration: string | null;
}

/** One page of an export's vouchers: keyset paging, with no count, so a million codes read in steady pages. */
export interface VoucherExportPage {
  /** Only vouchers of these campaigns; null: every voucher of the project. */
  campaignIds: readonly string[] | null;
  /** Only vouchers created at or before this time: the export's creation. */
  createdUntil: string;
  /** `updated_at` sorts a never-updated voucher by its creation. */
  order: { field: 'created_at' | 'updated_at' | 'code'; direction: 'asc' | 'desc' };
  /** The last voucher of the previous page; undefined for the first page. */
  after?: Voucher;
  limit: number;
}

export interface VoucherRepository {
  /** Live vouchers only; binned ones are treated as absent. */
  findById(id: string): Promise<Voucher | undefined>;
  findByCodeKey(codeKey: string): Promise<Voucher | undefined>;
  /** Live or binned: what a permanent delete may still remove. */
  findStoredByCodeKey(codeKey: string): Promise<StoredVoucher | undefined>;
  findStoredById(id: string): Promise<StoredVoucher | undefined>;
  /** Inserts unless the code is taken (also by a binned voucher); answers whether it inserted. */
  insert(voucher: NewVoucher): Promise<boolean>;
  /** Inserts many at once, skipping codes already taken; answers the codes inserted. */
  insertMany(vouchers: readonly NewVoucher[]): Promise<string[]>;
  /**
   * Inserts generated codes of a campaign, storing only what is their own (id, code, creation
   * time) so a million codes stay small; skips codes already taken and answers how many it inserted.
   */
  insertGenerated(campaignId: string, createdAt: string, vouchers: readonly GeneratedVoucher[]): Promise<number>;
  update(voucher: Voucher): Promise<void>;
  list(query: ListQuery, filters: VoucherListFilters): Promise<ListPage<Voucher>>;
  /** Live vouchers of an export, in its order (then id), after the page before. */
  listForExport(page: VoucherExportPage): Promise<Voucher[]>;
  /**
   * A customer's wallet: live vouchers the customer holds that are not switched off, newest first,
   * at most `limit`, in one query. Whether each can be used now is the caller's to decide.
   */
  listHeldBy(holderId: string, limit: number): Promise<Voucher[]>;
  /**
   * Hands up to `count` codes of the campaign to the claim's holder in one statement: live, switched
   * on, unexpired codes nobody holds, oldest first. Each gets the holder, one more publish and the
   * claim's validity. On PostgreSQL rows another transaction is claiming are skipped (SKIP LOCKED),
   * so parallel publications never hand out one code twice nor wait on each other; SQLite's single
   * writer gives the same. Answers the vouchers claimed, oldest first.
   */
  claimUnpublished(campaignId: string, claim: VoucherClaim, count: number): Promise<Voucher[]>;
  /**
   * Publishes one named voucher to the claim's holder: only while nobody else holds it and it is
   * switched on and unexpired. Answers the voucher after the change, or undefined when refused.
   */
  publishTo(id: string, claim: VoucherClaim): Promise<Voucher | undefined>;
  /** A live voucher of the campaign that the customer holds, the oldest one. */
  findHeldInCampaign(campaignId: string, holderId: string): Promise<Voucher | undefined>;
  /** A page of a customer's wallet: every live voucher they hold, by (created_at, id). */
  listHeld(holderId: string, query: ListQuery): Promise<ListPage<Voucher>>;
  /** Live vouchers of a campaign. */
  countInCampaign(campaignId: string): Promise<number>;
  /** Moves a live voucher to the bin, where its code stays taken; answers whether it moved one. */
  moveToBin(id: string, now: string): Promise<boolean>;
  /** Removes a voucher, live or binned, for good; answers whether there was one. */
  deletePermanently(id: string): Promise<boolean>;
  /** Moves up to `limit` live vouchers of the campaign to the bin; answers how many moved. */
  binCampaignVouchers(campaignId: string, now: string, limit: number): Promise<number>;
  /** Removes up to `limit` vouchers of the campaign (live or binned) for good; answers how many. */
  deleteCampaignVouchers(campaignId: string, limit: number): Promise<number>;
  /**
   * Counts one use, in one conditional write: only while fewer than `limit` uses are counted
   * (null: no limit). Answers false, changing nothing, when the limit is reached.
   */
  incrementRedeemed(id: string, limit: number | null, reservations?: ReservationsInForce): Promise<boolean>;
  /** Takes one use back (a rollback); never below zero. */
  decrementRedeemed(id: string): Promise<void>;
}
