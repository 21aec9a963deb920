import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { PromotionTier, TierSummary } from '../../domain/promotions/promotion-tier.js';

export interface TierListFilters {
  /** Only tiers that can be used at this instant: on, in their dates, in a live campaign that is on and in its dates. */
  available_at?: string;
}

export interface PromotionTierRepository {
  /**
   * Locks the live campaign whose tiers or stacks a write changes, so writes to one campaign's
   * tiers and the campaign's deletion take turns; answers false when no live campaign has the id.
   */
  lockCampaign(campaignId: string): Promise<boolean>;
  findById(id: string): Promise<PromotionTier | undefined>;
  /** The tiers with these ids, of any campaign. */
  findByIds(ids: readonly string[]): Promise<PromotionTier[]>;
  /** The tiers of these campaigns, by hierarchy then age: one query for a page of campaigns. */
  listForCampaigns(campaignIds: readonly string[]): Promise<PromotionTier[]>;
  countInCampaign(campaignId: string): Promise<number>;
  /** The highest hierarchy among the campaign's tiers, or null when it has none. */
  maxHierarchy(campaignId: string): Promise<number | null>;
  list(query: ListQuery, filters: TierListFilters): Promise<ListPage<PromotionTier>>;
  insert(tier: PromotionTier): Promise<void>;
  /** Writes the tier's own fields; its summary changes only through addToSummary. */
  update(tier: PromotionTier): Promise<void>;
  delete(id: string): Promise<boolean>;
  /** Removes every tier of the campaign; answers their ids. */
  deleteForCampaign(campaignId: string): Promise<string[]>;
  /** Adds to the tier's counters in one atomic write (negative amounts for a rollback). */
  addToSummary(id: string, change: TierSummary): Promise<void>;
}
