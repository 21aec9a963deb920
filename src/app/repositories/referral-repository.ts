import type { Metadata } from '../../domain/metadata.js';

/** A referee of a referral code; the code's referrer is its holder and has no row. */
export interface ReferralHolder {
  id: string;
  campaign_id: string;
  voucher_id: string;
  customer_id: string;
  referrer_id: string | null;
  holder_role: 'REFEREE';
  /** What made them a referee: a redemption, a custom event, or null when added by hand. */
  related_object_type: 'redemption' | 'event' | null;
  related_object_id: string | null;
  metadata: Metadata;
  created_at: string;
}

/** What a conversion granted its referrer or referee, so a rollback takes exactly that back. */
export type GrantedReward =
  | { type: 'GIFT_VOUCHER'; voucher_id: string; campaign_id: string; amount: number }
  | { type: 'DISCOUNT_VOUCHER'; voucher_id: string; publication_id: string };

export interface ReferralConversion {
  id: string;
  campaign_id: string;
  voucher_id: string;
  referrer_id: string;
  referee_id: string;
  /** The redemption that made the referee (and, for `redemption` programs, converted). */
  redemption_id: string | null;
  event_id: string | null;
  reward: GrantedReward | null;
  /** What the conversion granted the referee (the program's `referee_reward`). */
  referee_reward: GrantedReward | null;
  created_at: string;
}

export interface HolderPage {
  holders: ReferralHolder[];
  has_more: boolean;
}

export interface ReferralRepository {
  /** Links a referee; false (nothing written) when the customer is already a referee in that campaign. */
  insertHolder(holder: ReferralHolder): Promise<boolean>;
  findReferee(campaignId: string, customerId: string): Promise<ReferralHolder | undefined>;
  /** A referral code's referees by id, after `startingAfterId` when given. */
  listHolders(voucherId: string, limit: number, startingAfterId: string | null): Promise<HolderPage>;
  countHolders(voucherId: string): Promise<number>;
  /** Unlinks one referee of the code; false when there was none. */
  deleteHolder(voucherId: string, holderId: string): Promise<boolean>;
  /** Unlinks the referees a redemption linked (its rollback). */
  deleteHoldersLinkedBy(redemptionId: string): Promise<number>;
  /** Where these customers were referred, oldest first: their `referrals` summary. */
  listRefereeLinks(customerIds: readonly string[]): Promise<ReferralHolder[]>;
  /**
   * Records a conversion; false (nothing written) when the referee already converted in that
   * campaign. On PostgreSQL a racing insert waits for the first to commit, so of parallel or
   * retried conversions exactly one gets true and grants the reward.
   */
  insertConversion(conversion: ReferralConversion): Promise<boolean>;
  setConversionRewards(id: string, rewards: Pick<ReferralConversion, 'reward' | 'referee_reward'>): Promise<void>;
  /** Removes and answers the conversions a redemption made: each is taken back exactly once. */
  takeConversionsOf(redemptionId: string): Promise<ReferralConversion[]>;
}
