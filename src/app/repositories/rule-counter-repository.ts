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
 * The figures counting rules compare (`redemption.count.*`, `campaign.redemptions.count`,
 * `campaign.orders.amount`), counted from the redemptions themselves, so a rule added in the
 * middle of a campaign sees what happened before it.
 */
export interface RuleCounterRepository {
  /**
   * Makes the redemptions of a scope wait for each other until the transaction ends, so a count
   * read after it stays true until this redemption commits (a row lock on the voucher or
   * campaign; nothing on a database where transactions already run one at a time).
   */
  lockScope(scope: RuleScope): Promise<void>;
  countRedemptions(query: RedemptionCountQuery): Promise<number>;
  /** The amounts of the orders the scope's redemptions were made with, added up. */
  sumOrderAmounts(scope: RuleScope): Promise<number>;
}
