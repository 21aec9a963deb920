import type { Campaign, GenerationStatus } from '../../domain/campaigns/campaign.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';

export interface CampaignListFilters {
  campaign_type?: string;
  vouchers_generation_status?: GenerationStatus;
}

export interface CampaignRepository {
  /** Live campaigns only. */
  findById(id: string): Promise<Campaign | undefined>;
  findByName(name: string): Promise<Campaign | undefined>;
  /** The live campaign with this id, else the one with this name, as Voucherify's paths allow. */
  findByRef(ref: string): Promise<Campaign | undefined>;
  /** Live or binned: the campaign a deletion job is still clearing. */
  findStoredById(id: string): Promise<Campaign | undefined>;
  /** Inserts unless the name is taken (also by a binned campaign); answers whether it inserted. */
  insert(campaign: Campaign): Promise<boolean>;
  /** Writes the campaign's own fields; its voucher count and generation status change only through their methods. */
  update(campaign: Campaign): Promise<void>;
  list(query: ListQuery, filters: CampaignListFilters): Promise<ListPage<Campaign>>;
  /** Adds to the campaign's voucher count in one atomic write. */
  addVouchersCount(id: string, count: number): Promise<void>;
  setGenerationStatus(id: string, status: GenerationStatus): Promise<void>;
  /** Moves a live campaign to the bin, where its name stays taken; answers whether it moved one. */
  moveToBin(id: string, now: string): Promise<boolean>;
  deletePermanently(id: string): Promise<boolean>;
}
