import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { Redemption } from '../../domain/redemptions/redemption.js';

export interface RedemptionListFilters {
  voucher_id?: string;
  campaign_id?: string;
  customer_id?: string;
  order_id?: string;
  result?: 'SUCCESS' | 'FAILURE';
  object?: 'redemption' | 'redemption_rollback';
  status?: 'SUCCEEDED' | 'FAILED' | 'ROLLED_BACK';
}

/** A campaign's redemption figures. */
export interface CampaignRedemptionSummary {
  redemptions_succeeded: number;
  redemptions_failed: number;
  rollbacks_succeeded: number;
  /** Discount given by every successful redemption, and the part of it later rolled back. */
  discounted_amount: number;
  rolledback_discounted_amount: number;
}

export interface RedemptionRepository {
  findById(id: string): Promise<Redemption | undefined>;
  insert(redemption: Redemption): Promise<void>;
  /**
   * Marks a successful redemption rolled back, in one conditional write; answers false when it
   * was not SUCCEEDED any more (a concurrent rollback won).
   */
  markRolledBack(id: string, rollbackId: string, now: string): Promise<boolean>;
  list(query: ListQuery, filters: RedemptionListFilters): Promise<ListPage<Redemption>>;
  /** Each campaign's figures, in one query; a campaign without redemptions has zeros. */
  summarizeCampaigns(campaignIds: readonly string[]): Promise<Map<string, CampaignRedemptionSummary>>;
}
