import type { LocalDay } from '../../domain/dashboard/daily-series.js';

/** Which redemptions the dashboard's figures summarize. */
export interface RedemptionStatsQuery {
  /** The days counted, oldest first (on the project's calendar): from the first one's start on. */
  days: readonly LocalDay[];
  campaignId?: string;
}

/** One day's redemptions (a day on the project's calendar), by how they ended. */
export interface DailyRedemptions {
  day: string;
  succeeded: number;
  failed: number;
  rolledBack: number;
  /** The discount the standing redemptions of the day gave, in minor units. */
  discountAmount: number;
}

export interface RedemptionStats {
  days: DailyRedemptions[];
  failuresByReason: { reason: string; count: number }[];
  /** Each with the customer's `source_id` and name, as people know them (null when not set or deleted). */
  topCustomers: {
    customerId: string;
    sourceId: string | null;
    name: string | null;
    redemptions: number;
    discountAmount: number;
  }[];
  channels: { channel: string; redemptions: number }[];
}

/**
 * The figures behind the dashboard's monitoring: each voucher or tier use counts once (a stacked
 * redemption's parent is left out, its children are counted), rollbacks are not uses.
 */
export interface RedemptionStatsRepository {
  summarize(query: RedemptionStatsQuery): Promise<RedemptionStats>;
}
