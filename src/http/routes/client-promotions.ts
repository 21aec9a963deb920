import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { listPromotionTiers } from '../../app/promotions/promotion-tier-queries.js';
import { validatePromotions } from '../../app/promotions/validate-promotions.js';
import { trackingIdFor } from '../../app/redemptions/voucher-request.js';
import { toPromotionTierList } from '../../app/views/promotion-tier-view.js';
import { toPromotionValidationObject } from '../../app/views/promotion-validation-view.js';
import { clientAudience, presentClientPromotionsValidation, presentClientTierList } from '../client-presenter.js';
import { contextOf } from '../plugins/auth.js';
import { StringEnum } from '../schemas/common.js';
import { toListQuery } from '../schemas/list-query.js';
import { TierListQuery } from '../schemas/promotion.js';
import { PromotionValidationObject } from '../schemas/promotion-validation.js';
import { ClientValidateQuery } from '../schemas/redemption.js';
import { clientRequestOf } from './client-redemptions.js';
import { refuseSessions } from './redemptions.js';

const tags = ['client-side'];
const tiersOrder = {
  sortFields: ['created_at', 'updated_at'],
  defaultOrder: { field: 'created_at', direction: 'asc' },
} as const;

/** The tier list a storefront sees: the server's tiers without what client-presenter.ts keeps back. */
const ClientTierList = Type.Object({
  object: Type.Literal('list'),
  data_ref: Type.Literal('tiers'),
  tiers: Type.Array(
    Type.Object({ id: Type.String(), object: StringEnum(['promotion_tier'] as const) }, { additionalProperties: true }),
  ),
  total: Type.Integer(),
  has_more: Type.Boolean(),
});

/** `ClientSide.validate` without a code: the cart and customer in the query, as for `/validate`. */
const ClientPromotionsQuery = Type.Omit(ClientValidateQuery, ['code']);

/**
 * `GET /client/v1/promotions/tiers` and `GET /client/v1/promotions/validation`, for storefronts
 * with a client-side key: the server answers, shown through the client presenter's allow-lists.
 * Validation may create the customer it names but never rewrites a stored one (`create_only`).
 */
export function registerClientPromotionRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/promotions/tiers',
    {
      schema: {
        tags,
        summary: 'List promotion tiers from a storefront; is_available=true keeps those usable now',
        querystring: TierListQuery,
        response: { 200: ClientTierList },
      },
    },
    async (request) => {
      const { is_available, ...paging } = request.query;
      const ctx = contextOf(request);
      const page = await listPromotionTiers(ctx, toListQuery(paging, tiersOrder), { is_available });
      return presentClientTierList(
        toPromotionTierList(page.items, page.total, page.has_more),
        clientAudience(ctx.project, null, null),
      );
    },
  );

  app.get(
    '/promotions/validation',
    {
      schema: {
        tags,
        summary: 'Every promotion tier a storefront cart qualifies for (query as ClientSide.validate writes it)',
        querystring: ClientPromotionsQuery,
        response: { 200: PromotionValidationObject },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const body = clientRequestOf(request.query);
      refuseSessions(body);
      const validation = await validatePromotions(ctx, body, 'create_only');
      const answer = toPromotionValidationObject(
        validation,
        trackingIdFor(body, validation.customer?.source_id ?? null),
      );
      return presentClientPromotionsValidation(
        answer,
        clientAudience(ctx.project, body.customer, validation.customer?.id),
      );
    },
  );
}
