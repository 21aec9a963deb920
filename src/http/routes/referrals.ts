import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { addReferralHolders, listReferralHolders, removeReferralHolder } from '../../app/referrals/referral-holders.js';
import { contextOf } from '../plugins/auth.js';
import { NoContent } from '../schemas/common.js';
import {
  ReferralCampaignHolderParams,
  ReferralCampaignMemberParams,
  ReferralHolderParams,
  ReferralHoldersAddBody,
  ReferralHoldersAdded,
  ReferralHoldersList,
  ReferralHoldersQuery,
  ReferralMemberParams,
} from '../schemas/referral.js';

const tags = ['referrals'];

/** A referral code's holders: its referrer and referees (`/v1/referrals/...`). */
export function registerReferralRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const list = { tags, querystring: ReferralHoldersQuery, response: { 200: ReferralHoldersList } };
  const add = { tags, body: ReferralHoldersAddBody, response: { 200: ReferralHoldersAdded } };
  const remove = { tags, response: { 204: NoContent } };

  app.get(
    '/referrals/members/:memberId/holders',
    { schema: { ...list, summary: "List a referral code's referrer and referees", params: ReferralMemberParams } },
    async (request) => listReferralHolders(contextOf(request), request.params.memberId, request.query),
  );
  app.get(
    '/referrals/:campaignId/members/:memberId/holders',
    {
      schema: {
        ...list,
        summary: "List a referral code's referrer and referees, the code in this campaign",
        params: ReferralCampaignMemberParams,
      },
    },
    async (request) =>
      listReferralHolders(contextOf(request), request.params.memberId, request.query, request.params.campaignId),
  );
  app.post(
    '/referrals/members/:memberId/holders',
    { schema: { ...add, summary: 'Add referees to a referral code', params: ReferralMemberParams } },
    async (request) => addReferralHolders(contextOf(request), request.params.memberId, request.body),
  );
  app.post(
    '/referrals/:campaignId/members/:memberId/holders',
    {
      schema: {
        ...add,
        summary: 'Add referees to a referral code of this campaign',
        params: ReferralCampaignMemberParams,
      },
    },
    async (request) =>
      addReferralHolders(contextOf(request), request.params.memberId, request.body, request.params.campaignId),
  );
  app.delete(
    '/referrals/members/:memberId/holders/:holderId',
    { schema: { ...remove, summary: 'Remove a referee from a referral code', params: ReferralHolderParams } },
    async (request, reply) => {
      await removeReferralHolder(contextOf(request), request.params.memberId, request.params.holderId);
      return reply.status(204).send();
    },
  );
  app.delete(
    '/referrals/:campaignId/members/:memberId/holders/:holderId',
    {
      schema: {
        ...remove,
        summary: 'Remove a referee from a referral code of this campaign',
        params: ReferralCampaignHolderParams,
      },
    },
    async (request, reply) => {
      const { campaignId, memberId, holderId } = request.params;
      await removeReferralHolder(contextOf(request), memberId, holderId, campaignId);
      return reply.status(204).send();
    },
  );
}
