import type { RuleScope } from '../../domain/rules/check-assigned-rules.js';

/** Which successful, not rolled back redemptions of a scope to count. */
export interface RedemptionCountQuery {
  scope: RuleScope;
  /** Only this customer's. */
  customerId?: string;
  /** Only those made at or after this instant (ISO-8601). */
  since?: string;
}

/**
 * The figures counting rules compare. A customer's, a day's and a month's are counted from the
 * redemptions themselves, so a rule added in the middle of a campaign sees what happened before
 * it; a campaign's totals (`campaign.redemptions.count`, `campaign.orders.amount`) are counters on
 * the campaign moved by every redemption and rollback, so a big campaign costs no more than a small one.
 */
export interface RuleCounterRepository {
  /**
   * Makes the redemptions of a scope wait for each other until the transaction ends, so a count
   * read after it stays true until this redemption commits (a row lock on the voucher, tier or
   * campaign; nothing on a database where transactions already run one at a time).
   */
  lockScope(scope: RuleScope): Promise<void>;
  countRedemptions(query: RedemptionCountQuery): Promise<number>;
  /** A campaign's standing redemptions and the amounts of their orders, as its counters hold them. */
  campaignTotals(campaignId: string): Promise<CampaignTotals>;
  /**
   * Moves a campaign's counters by one redemption (+1) or its rollback (-1) and the order amount
   * it was made with: one relative write in the redemption's transaction, never read-add-write.
   */
  moveCampaignTotals(campaignId: string, direction: 1 | -1, orderAmount: number): Promise<void>;
}

export interface CampaignTotals {
  redemptions: number;
  ordersAmount: number;
}
