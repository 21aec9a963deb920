import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { Voucher } from '../../domain/vouchers/voucher.js';

/** A voucher to store, with the key its code is compared by (see codeKey). */
export interface NewVoucher {
  voucher: Voucher;
  codeKey: string;
}

export interface VoucherListFilters {
  campaign_id?: string;
  category_id?: string;
  customer_id?: string;
}

export interface VoucherRepository {
  /** Live vouchers only; binned ones are treated as absent. */
  findById(id: string): Promise<Voucher | undefined>;
  findByCodeKey(codeKey: string): Promise<Voucher | undefined>;
  /** Inserts unless the code is taken (also by a binned voucher); answers whether it inserted. */
  insert(voucher: NewVoucher): Promise<boolean>;
  /** Inserts many at once, skipping codes already taken; answers the codes inserted. */
  insertMany(vouchers: readonly NewVoucher[]): Promise<string[]>;
  update(voucher: Voucher): Promise<void>;
  list(query: ListQuery, filters: VoucherListFilters): Promise<ListPage<Voucher>>;
  /**
   * Counts one use, in one conditional write: only while fewer than `limit` uses are counted
   * (null: no limit). Answers false, changing nothing, when the limit is reached.
   */
  incrementRedeemed(id: string, limit: number | null): Promise<boolean>;
  /** Takes one use back (a rollback); never below zero. */
  decrementRedeemed(id: string): Promise<void>;
}
