import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { getCampaignSummary } from '../../app/redemptions/campaign-summary.js';
import { toCampaignSummaryObject } from '../../app/views/campaign-summary-view.js';
import { contextOf } from '../plugins/auth.js';
import { IdParam } from '../schemas/common.js';

/** `GET /v1/campaigns/{id|name}/summary`: codes, redemptions and discount given. */
export function registerCampaignSummaryRoute(fastify: FastifyInstance): void {
  fastify.withTypeProvider<TypeBoxTypeProvider>().get(
    '/campaigns/:campaignId/summary',
    {
      schema: {
        tags: ['campaigns'],
        summary: "A campaign's figures: codes, redemptions and discount given",
        params: IdParam('campaignId', "The campaign's id or name"),
        response: { 200: Type.Object({ object: Type.Literal('campaign_summary') }, { additionalProperties: true }) },
      },
    },
    async (request) => toCampaignSummaryObject(await getCampaignSummary(contextOf(request), request.params.campaignId)),
  );
}
