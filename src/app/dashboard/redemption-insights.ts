import { everyDay, windowStart } from '../../domain/dashboard/daily-series.js';
import type { ProjectContext } from '../context.js';
import type { DailyRedemptions, RedemptionStats } from '../repositories/redemption-stats-repository.js';

/** The monitoring page's figures over the last `days` UTC days, for the project or one campaign. */
export async function redemptionInsights(
  ctx: ProjectContext,
  options: { days: number; campaignId?: string },
): Promise<RedemptionStats & { since: string }> {
  const now = ctx.clock.now();
  const first = windowStart(now, options.days);
  const stats = await ctx.store.redemptionStats.summarize({
    since: `${first}T00:00:00.000Z`,
    ...(options.campaignId === undefined ? {} : { campaignId: options.campaignId }),
  });
  const empty = (day: string): DailyRedemptions => ({ day, succeeded: 0, failed: 0, rolledBack: 0, discountAmount: 0 });
  return { ...stats, since: first, days: everyDay(first, now.toISOString().slice(0, 10), stats.days, empty) };
}
