import type { Campaign } from '../../domain/campaigns/campaign.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';

export interface CampaignListFilters {
  campaign_type?: string;
}

export interface CampaignRepository {
  /** Live campaigns only. */
  findById(id: string): Promise<Campaign | undefined>;
  findByName(name: string): Promise<Campaign | undefined>;
  /** Inserts unless the name is taken (also by a binned campaign); answers whether it inserted. */
  insert(campaign: Campaign): Promise<boolean>;
  update(campaign: Campaign): Promise<void>;
  list(query: ListQuery, filters: CampaignListFilters): Promise<ListPage<Campaign>>;
  /** Adds to the campaign's voucher count in one atomic write. */
  addVouchersCount(id: string, count: number): Promise<void>;
}
