import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { createPromotionStack } from '../../app/promotions/create-promotion-stack.js';
import { createPromotionTier } from '../../app/promotions/create-promotion-tier.js';
import { deletePromotionStack } from '../../app/promotions/delete-promotion-stack.js';
import { deletePromotionTier } from '../../app/promotions/delete-promotion-tier.js';
import {
  getPromotionStack,
  listCampaignStacks,
  listPromotionStacks,
} from '../../app/promotions/promotion-stack-queries.js';
import {
  getPromotionTier,
  listCampaignTiers,
  listPromotionTiers,
} from '../../app/promotions/promotion-tier-queries.js';
import { updatePromotionStack } from '../../app/promotions/update-promotion-stack.js';
import { setPromotionTierActive, updatePromotionTier } from '../../app/promotions/update-promotion-tier.js';
import { toPromotionStackObject } from '../../app/views/promotion-stack-view.js';
import { toPromotionTierList, toPromotionTierObject } from '../../app/views/promotion-tier-view.js';
import { listBody } from '../list-body.js';
import { contextOf } from '../plugins/auth.js';
import { ListOf, NoContent } from '../schemas/common.js';
import { toListQuery } from '../schemas/list-query.js';
import {
  CampaignTierParams,
  PromotionStackObject,
  PromotionTierList,
  PromotionTierObject,
  StackBody,
  StackListQuery,
  StackParams,
  TierCreateBody,
  TierListQuery,
  TierParams,
  TierUpdateBody,
} from '../schemas/promotion.js';

const tags = ['promotions'];
const tiersOrder = {
  sortFields: ['created_at', 'updated_at'],
  defaultOrder: { field: 'created_at', direction: 'asc' },
} as const;
const stacksOrder = {
  sortFields: ['created_at', 'updated_at', 'name'],
  defaultOrder: { field: 'created_at', direction: 'desc' },
} as const;

function registerTierRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/promotions/tiers',
    {
      schema: {
        tags,
        summary: 'List the promotion tiers of every campaign; is_available=true keeps those usable now',
        querystring: TierListQuery,
        response: { 200: PromotionTierList },
      },
    },
    async (request) => {
      const { is_available, ...paging } = request.query;
      const page = await listPromotionTiers(contextOf(request), toListQuery(paging, tiersOrder), { is_available });
      return toPromotionTierList(page.items, page.total, page.has_more);
    },
  );

  app.get(
    '/promotions/:campaignId/tiers',
    {
      schema: {
        tags,
        summary: "List a PROMOTION campaign's tiers by hierarchy",
        params: CampaignTierParams,
        response: { 200: PromotionTierList },
      },
    },
    async (request) => toPromotionTierList(await listCampaignTiers(contextOf(request), request.params.campaignId)),
  );

  app.post(
    '/promotions/:campaignId/tiers',
    {
      schema: {
        tags,
        summary: 'Add a promotion tier to a PROMOTION campaign',
        params: CampaignTierParams,
        body: TierCreateBody,
        response: { 200: PromotionTierObject },
      },
    },
    async (request) =>
      toPromotionTierObject(await createPromotionTier(contextOf(request), request.params.campaignId, request.body)),
  );

  app.get(
    '/promotions/tiers/:promotionTierId',
    { schema: { tags, summary: 'Get a promotion tier', params: TierParams, response: { 200: PromotionTierObject } } },
    async (request) =>
      toPromotionTierObject(await getPromotionTier(contextOf(request), request.params.promotionTierId)),
  );

  app.put(
    '/promotions/tiers/:promotionTierId',
    {
      schema: {
        tags,
        summary: 'Update a promotion tier; validation_rules, when sent, replace its rules',
        params: TierParams,
        body: TierUpdateBody,
        response: { 200: PromotionTierObject },
      },
    },
    async (request) =>
      toPromotionTierObject(
        await updatePromotionTier(contextOf(request), request.params.promotionTierId, request.body ?? {}),
      ),
  );

  app.delete(
    '/promotions/tiers/:promotionTierId',
    {
      schema: {
        tags,
        summary: 'Delete a promotion tier and its rule assignments; a tier in a stack is refused',
        params: TierParams,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await deletePromotionTier(contextOf(request), request.params.promotionTierId);
      return reply.status(204).send();
    },
  );

  for (const [action, active] of [
    ['enable', true],
    ['disable', false],
  ] as const) {
    app.post(
      `/promotions/tiers/:promotionTierId/${action}`,
      {
        schema: {
          tags,
          summary: `${active ? 'Enable' : 'Disable'} a promotion tier; its campaign's switch applies beside it`,
          params: TierParams,
          response: { 200: PromotionTierObject },
        },
      },
      async (request) =>
        toPromotionTierObject(await setPromotionTierActive(contextOf(request), request.params.promotionTierId, active)),
    );
  }
}

function registerStackRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/promotions/stacks',
    {
      schema: {
        tags,
        summary: 'List the promotion stacks of every campaign',
        querystring: StackListQuery,
        response: { 200: ListOf('data', PromotionStackObject) },
      },
    },
    async (request) => {
      const page = await listPromotionStacks(contextOf(request), toListQuery(request.query, stacksOrder));
      return listBody('data', page, toPromotionStackObject);
    },
  );

  app.get(
    '/promotions/:campaignId/stacks',
    {
      schema: {
        tags,
        summary: "List a PROMOTION campaign's stacks",
        params: CampaignTierParams,
        response: { 200: ListOf('data', PromotionStackObject) },
      },
    },
    async (request) => {
      const stacks = await listCampaignStacks(contextOf(request), request.params.campaignId);
      return {
        object: 'list' as const,
        data_ref: 'data' as const,
        data: stacks.map(toPromotionStackObject),
        total: stacks.length,
      };
    },
  );

  app.post(
    '/promotions/:campaignId/stacks',
    {
      schema: {
        tags,
        summary: 'Create a promotion stack of tiers of a PROMOTION campaign, applied in the order listed',
        params: CampaignTierParams,
        body: StackBody,
        response: { 200: PromotionStackObject },
      },
    },
    async (request) =>
      toPromotionStackObject(await createPromotionStack(contextOf(request), request.params.campaignId, request.body)),
  );

  app.get(
    '/promotions/:campaignId/stacks/:stackId',
    {
      schema: { tags, summary: 'Get a promotion stack', params: StackParams, response: { 200: PromotionStackObject } },
    },
    async (request) => {
      const { campaignId, stackId } = request.params;
      return toPromotionStackObject(await getPromotionStack(contextOf(request), campaignId, stackId));
    },
  );

  app.put(
    '/promotions/:campaignId/stacks/:stackId',
    {
      schema: {
        tags,
        summary: 'Update a promotion stack; tiers.ids replaces its tiers whole',
        params: StackParams,
        body: StackBody,
        response: { 200: PromotionStackObject },
      },
    },
    async (request) => {
      const { campaignId, stackId } = request.params;
      return toPromotionStackObject(
        await updatePromotionStack(contextOf(request), campaignId, stackId, request.body ?? {}),
      );
    },
  );

  app.delete(
    '/promotions/:campaignId/stacks/:stackId',
    { schema: { tags, summary: 'Delete a promotion stack', params: StackParams, response: { 204: NoContent } } },
    async (request, reply) => {
      const { campaignId, stackId } = request.params;
      await deletePromotionStack(contextOf(request), campaignId, stackId);
      return reply.status(204).send();
    },
  );
}

/** Promotion tiers and stacks of PROMOTION campaigns; their validation and redemption live elsewhere. */
export function registerPromotionRoutes(fastify: FastifyInstance): void {
  registerTierRoutes(fastify);
  registerStackRoutes(fastify);
}
