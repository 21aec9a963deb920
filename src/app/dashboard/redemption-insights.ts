import { everyDay, localDays } from '../../domain/dashboard/daily-series.js';
import type { ProjectContext } from '../context.js';
import type { DailyRedemptions, RedemptionStats } from '../repositories/redemption-stats-repository.js';

/**
 * The monitoring page's figures over the last `days` days, for the project or one campaign. Days
 * are the project's (its timezone setting): a shop in New York sees an evening's redemptions on
 * that evening's day, not on the next UTC day.
 */
export async function redemptionInsights(
  ctx: ProjectContext,
  options: { days: number; campaignId?: string },
): Promise<RedemptionStats & { since: string; timezone: string }> {
  const timezone = ctx.project.settings.timezone;
  const days = localDays(ctx.clock.now(), options.days, timezone);
  const stats = await ctx.store.redemptionStats.summarize({
    days,
    ...(options.campaignId === undefined ? {} : { campaignId: options.campaignId }),
  });
  const empty = (day: string): DailyRedemptions => ({ day, succeeded: 0, failed: 0, rolledBack: 0, discountAmount: 0 });
  return { ...stats, since: days[0]?.day ?? '', timezone, days: everyDay(days, stats.days, empty) };
}
