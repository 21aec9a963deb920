import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { redeemPromotionTier } from '../../app/promotions/redeem-promotion-tier.js';
import { validatePromotions } from '../../app/promotions/validate-promotions.js';
import { trackingIdFor } from '../../app/redemptions/voucher-request.js';
import { toPromotionValidationObject } from '../../app/views/promotion-validation-view.js';
import { contextOf } from '../plugins/auth.js';
import { TierParams } from '../schemas/promotion.js';
import {
  PromotionValidationBody,
  PromotionValidationObject,
  TierRedemptionBody,
} from '../schemas/promotion-validation.js';
import { RedemptionObject } from '../schemas/redemption.js';
import { idempotencyKeyOf, sendAnswer } from './redemptions.js';

const tags = ['validation and redemption'];

/** `POST /promotions/validation` and `POST /promotions/tiers/{id}/redemption` (Voucherify's legacy calls). */
export function registerPromotionValidationRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/promotions/validation',
    {
      schema: {
        tags,
        summary: 'Every promotion tier the cart and customer qualify for, each with its discount (legacy)',
        body: Type.Optional(PromotionValidationBody),
        response: { 200: PromotionValidationObject },
      },
    },
    async (request) => {
      const body = request.body ?? {};
      const validation = await validatePromotions(contextOf(request), body);
      return toPromotionValidationObject(validation, trackingIdFor(body, validation.customer?.source_id ?? null));
    },
  );

  app.post(
    '/promotions/tiers/:promotionTierId/redemption',
    {
      schema: {
        tags,
        summary: 'Redeem a promotion tier (legacy); Idempotency-Key makes retries safe',
        params: TierParams,
        body: Type.Optional(TierRedemptionBody),
        response: { 200: RedemptionObject },
      },
    },
    async (request, reply) => {
      const answer = await redeemPromotionTier(contextOf(request), request.params.promotionTierId, request.body ?? {}, {
        channel: { type: 'API', id: null },
        idempotencyKey: idempotencyKeyOf(request),
      });
      return sendAnswer(reply, answer);
    },
  );
}
