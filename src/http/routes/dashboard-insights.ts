import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { campaignTotals, MAX_CAMPAIGNS_SUMMED } from '../../app/dashboard/campaign-totals.js';
import { redemptionInsights } from '../../app/dashboard/redemption-insights.js';
import { AppError } from '../../domain/errors.js';
import { RULE_CATALOG } from '../../domain/rules/rule-catalog.js';
import type { AppDeps } from '../app-deps.js';
import { contextOf } from '../plugins/auth.js';
import { authenticateDashboardCall, requireDashboardUser } from '../plugins/dashboard-auth.js';

const tags = ['dashboard'];

const InsightsQuery = Type.Object({
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: 366, default: 30 })),
  campaign_id: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
});

const CampaignTotalsQuery = Type.Object({
  /** Comma-separated campaign ids, as the campaign list shows them. */
  campaign_ids: Type.String({ minLength: 1, maxLength: MAX_CAMPAIGNS_SUMMED * 64 }),
});

/**
 * What the dashboard reads beyond the API: the rule catalog its rule builder offers (the engine's
 * own, so the two never drift) and the monitoring figures of the project in `x-vouch-project`.
 */
export function registerDashboardInsightRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/dashboard/api/rule-catalog',
    { schema: { hide: true, tags, summary: 'The rule names and operators the engine evaluates' } },
    async (request) => {
      await requireDashboardUser(request, deps);
      return { rules: RULE_CATALOG };
    },
  );

  app.get(
    '/dashboard/api/insights/redemptions',
    {
      schema: {
        hide: true,
        tags,
        summary: 'Redemptions per day, failures by reason, top customers and channels',
        querystring: InsightsQuery,
      },
    },
    async (request) => {
      await authenticateDashboardCall(request, deps);
      const { days = 30, campaign_id } = request.query;
      return redemptionInsights(contextOf(request), { days, ...(campaign_id ? { campaignId: campaign_id } : {}) });
    },
  );

  app.get(
    '/dashboard/api/insights/campaign-totals',
    {
      schema: {
        hide: true,
        tags,
        summary: "Each listed campaign's redemptions and discount given",
        querystring: CampaignTotalsQuery,
      },
    },
    async (request) => {
      await authenticateDashboardCall(request, deps);
      const ids = request.query.campaign_ids.split(',').filter((id) => id !== '');
      if (ids.length > MAX_CAMPAIGNS_SUMMED) {
        throw new AppError('invalid_payload', {
          details: `At most ${MAX_CAMPAIGNS_SUMMED} campaign ids at a time; ${ids.length} were given`,
        });
      }
      return { campaigns: await campaignTotals(contextOf(request), ids) };
    },
  );
}
