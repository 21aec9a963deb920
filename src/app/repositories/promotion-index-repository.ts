import type { Campaign } from '../../domain/campaigns/campaign.js';
import type { PromotionTier } from '../../domain/promotions/promotion-tier.js';

/** A tier that is on, in a live PROMOTION campaign that is on, whatever their dates. */
export interface SwitchedOnTier {
  tier: PromotionTier;
  campaign: Campaign;
}

/**
 * What the per-process index of active promotion tiers is built from, and the project's version of
 * it: a counter every write that changes what the index holds raises in its own transaction, so
 * any process sees by one primary-key read whether its index is still current.
 */
export interface PromotionIndexRepository {
  /** The project's version; 0 before any change. */
  readVersion(): Promise<number>;
  /** Raises the version by one in one atomic write (an upsert, never read-add-write). */
  raiseVersion(): Promise<void>;
  /** Every switched-on tier of a live, switched-on PROMOTION campaign, newest tier first: two queries. */
  listSwitchedOnTiers(): Promise<SwitchedOnTier[]>;
}
