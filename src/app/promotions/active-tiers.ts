import type { Campaign } from '../../domain/campaigns/campaign.js';
import type { PromotionTier } from '../../domain/promotions/promotion-tier.js';
import type { AssignedDefinition } from '../../domain/rules/check-assigned-rules.js';
import { checkValidity } from '../../domain/vouchers/check-validity.js';
import type { ProjectStore } from '../ports.js';
import type { RuleSubject } from '../redemptions/rule-subjects.js';
import { activeTierIndexOf, tiersOpenAt } from './active-tier-index.js';

/**
 * Voucherify checks only the most recent promotion tiers ("only the first 150 most recent promotion
 * tiers are checked for eligibility") in the legacy promotions validation.
 */
export const MAX_VALIDATED_TIERS = 150;

/** A tier that can be used now, with its live campaign and the compiled rules assigned to either. */
export interface ActiveTier {
  readonly tier: PromotionTier;
  readonly campaign: Campaign;
  readonly subject: RuleSubject;
  readonly definitions: readonly AssignedDefinition[];
}

export interface ActiveTierOptions {
  /**
   * The project's IANA time zone: when given, the weekly windows (validity timeframe, days and
   * hours) of the tier and its campaign are applied too, on that wall clock.
   */
  timezone?: string;
  /** At most this many, the newest. */
  limit?: number;
}

/**
 * Every tier usable at `now` (on, in its dates, in a live PROMOTION campaign that is on and in its
 * dates), newest first, with its campaign and rules. Answered from the process's index of the
 * project (active-tier-index.ts): one read of the index's version per call, the rest in memory.
 */
export async function loadActiveTiers(
  store: ProjectStore,
  now: Date,
  options: ActiveTierOptions = {},
): Promise<ActiveTier[]> {
  const open = tiersOpenAt(await activeTierIndexOf(store), now);
  const { timezone, limit } = options;
  const usable =
    timezone === undefined
      ? open
      : open.filter(
          ({ tier, campaign }) =>
            checkValidity(campaign, now, timezone) === null && checkValidity(tier, now, timezone) === null,
        );
  return limit === undefined ? usable : usable.slice(0, limit);
}
