import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { Publication, PublicationResult } from '../../domain/publications/publication.js';

export interface PublicationListFilters {
  campaign_id?: string;
  customer_id?: string;
  /** Publications that handed out this voucher. */
  voucher_id?: string;
  result?: PublicationResult;
  voucher_type?: string;
  is_referral_code?: boolean;
  source_id?: string;
}

/** The codes a publication handed out, written once they are claimed. */
export interface PublishedVouchers {
  ids: string[];
  codes: string[];
  voucher_type: string | null;
  is_referral_code: boolean;
}

export interface PublicationRepository {
  /**
   * Inserts a publication. A successful one with a source_id another successful one holds is not
   * inserted (answers false): on PostgreSQL the second insert waits for the first to commit, so
   * parallel requests with one source_id publish once.
   */
  insert(publication: Publication): Promise<boolean>;
  setVouchers(id: string, vouchers: PublishedVouchers): Promise<void>;
  findById(id: string): Promise<Publication | undefined>;
  /** The successful publication holding this source_id. */
  findBySourceId(sourceId: string): Promise<Publication | undefined>;
  /** The customer's first successful publication from the campaign. */
  findFirstOfCustomer(customerId: string, campaignId: string): Promise<Publication | undefined>;
  list(query: ListQuery, filters: PublicationListFilters): Promise<ListPage<Publication>>;
}
