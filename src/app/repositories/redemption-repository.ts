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
  /**
   * Vouch's list search, partly and whatever the case: the redemption's id or voucher code, its
   * customer's source_id, name or email, or its order's source_id.
   */
  search?: string;
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

/**
 * A successful redemption made with an order (a single one, a stacked parent or a stacked child),
 * with what its order's `redemptions` map shows of it.
 */
export interface OrderRedemptionLink {
  id: string;
  order_id: string;
  created_at: string;
  related_object_type: Redemption['related_object_type'];
  related_object_id: string | null;
  campaign_id: string | null;
  /** A stacked child's parent redemption. */
  parent_id: string | null;
  /** Set once the redemption was rolled back, with its rollback's creation time. */
  rollback_id: string | null;
  rollback_date: string | null;
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
  /**
   * The successful redemptions (not rollbacks, not failed attempts) made with any of the orders,
   * in one query however many orders a page holds.
   */
  listForOrders(orderIds: readonly string[]): Promise<OrderRedemptionLink[]>;
  /** Each campaign's figures, in one query; a campaign without redemptions has zeros. */
  summarizeCampaigns(campaignIds: readonly string[]): Promise<Map<string, CampaignRedemptionSummary>>;
}
