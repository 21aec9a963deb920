import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { redeemVoucher } from '../../app/redemptions/redeem-voucher.js';
import { validateVoucher } from '../../app/redemptions/validate-voucher.js';
import { trackingIdFor, type VoucherRequest } from '../../app/redemptions/voucher-request.js';
import type { GuessThrottle } from '../../app/security/guess-throttle.js';
import { toValidationObject } from '../../app/views/validation-view.js';
import { AppError } from '../../domain/errors.js';
import type { AppDeps } from '../app-deps.js';
import { clientAudience, presentClientRedeemAnswer, presentClientValidation } from '../client-presenter.js';
import { lookUpAsGuess } from '../code-guesses.js';
import { contextOf } from '../plugins/auth.js';
import { Text } from '../schemas/common.js';
import { ClientValidateQuery, RedemptionObject, ValidationObject, VoucherRequestBody } from '../schemas/redemption.js';
import { voucherPresenter } from '../voucher-presenter.js';
import { idempotencyKeyOf, refuseSessions, sendAnswer } from './redemptions.js';

const tags = ['client-side'];

/**
 * `GET /client/v1/validate` and `POST /client/v1/redeem`, for storefronts with a client-side key.
 * The key is public, so both look codes up as guesses (`guesses`, when the defence is on), and
 * neither may rewrite a stored customer, product or order (`create_only`, write-policy.ts).
 */
export function registerClientRedemptionRoutes(
  fastify: FastifyInstance,
  deps: AppDeps,
  guesses: GuessThrottle | null = null,
): void {
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
    async (request, reply) => {
      const { code, amount, item, metadata, order, customer, tracking_id, session_type } = request.query;
      if (session_type)
        throw new AppError('missing_required_feature', { details: 'Validation sessions are not supported yet' });
      const body: VoucherRequest = {
        customer: customer ?? null,
        metadata: metadata ?? null,
        tracking_id: tracking_id ?? null,
        order: amount !== undefined || item !== undefined ? { amount, items: item, metadata: order?.metadata } : null,
      };
      const ctx = contextOf(request);
      const outcome = await lookUpAsGuess(guesses, request, reply, () =>
        validateVoucher(ctx, code, body, 'create_only'),
      );
      const validation = toValidationObject(outcome, {
        code,
        trackingId: trackingIdFor(body, outcome.customer?.source_id ?? null),
        metadata: body.metadata ?? {},
        requestId: request.id,
      });
      return presentClientValidation(validation, clientAudience(ctx.project, body.customer, outcome.customer?.id));
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
      const answer = await lookUpAsGuess(guesses, request, reply, () =>
        redeemVoucher(ctx, request.query.code, request.body ?? {}, {
          channel: { type: 'API', id: null },
          idempotencyKey: idempotencyKeyOf(request),
          presentVoucher: voucherPresenter(deps, ctx.project),
          writes: 'create_only',
        }),
      );
      const audience = clientAudience(ctx.project, request.body?.customer, null);
      return sendAnswer(reply, presentClientRedeemAnswer(answer, audience));
    },
  );
}
