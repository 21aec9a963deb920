import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { redeemVoucher } from '../../app/redemptions/redeem-voucher.js';
import { validateVoucher } from '../../app/redemptions/validate-voucher.js';
import { trackingIdFor, type VoucherRequest } from '../../app/redemptions/voucher-request.js';
import { toValidationObject } from '../../app/views/validation-view.js';
import { AppError } from '../../domain/errors.js';
import type { AppDeps } from '../app-deps.js';
import { contextOf } from '../plugins/auth.js';
import { Text } from '../schemas/common.js';
import { ClientValidateQuery, RedemptionObject, ValidationObject, VoucherRequestBody } from '../schemas/redemption.js';
import { voucherPresenter } from '../voucher-presenter.js';
import { idempotencyKeyOf, refuseSessions, sendAnswer } from './redemptions.js';

const tags = ['client-side'];

/** `GET /client/v1/validate` and `POST /client/v1/redeem`, for storefronts with a client-side key. */
export function registerClientRedemptionRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/validate',
    {
      schema: {
        tags,
        summary: 'Validate a voucher from a storefront (query as ClientSide.validate writes it)',
        querystring: ClientValidateQuery,
        response: { 200: ValidationObject },
      },
    },
    async (request) => {
      const { code, amount, item, metadata, order, customer, tracking_id, session_type } = request.query;
      if (session_type)
        throw new AppError('missing_required_feature', { details: 'Validation sessions are not supported yet' });
      const body: VoucherRequest = {
        customer: customer ?? null,
        metadata: metadata ?? null,
        tracking_id: tracking_id ?? null,
        order: amount !== undefined || item !== undefined ? { amount, items: item, metadata: order?.metadata } : null,
      };
      const outcome = await validateVoucher(contextOf(request), code, body);
      return toValidationObject(outcome, {
        code,
        trackingId: trackingIdFor(body, outcome.customer?.source_id ?? null),
        metadata: body.metadata ?? {},
        requestId: request.id,
      });
    },
  );

  app.post(
    '/redeem',
    {
      schema: {
        tags,
        summary: 'Redeem a voucher from a storefront, where the project allows it',
        querystring: Type.Object({ code: Text(200) }),
        body: Type.Optional(VoucherRequestBody),
        response: { 200: RedemptionObject },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      if (!ctx.project.settings.client_redeem_enabled) {
        throw new AppError('forbidden', { details: 'Redeeming with a client-side key is disabled for this project' });
      }
      refuseSessions(request.body ?? undefined);
      const answer = await redeemVoucher(ctx, request.query.code, request.body ?? {}, {
        channel: { type: 'API', id: null },
        idempotencyKey: idempotencyKeyOf(request),
        presentVoucher: voucherPresenter(deps, ctx.project),
      });
      return sendAnswer(reply, answer);
    },
  );
}
