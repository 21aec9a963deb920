import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
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
import { idempotencyKeyOf, sendAnswer } from './redemptions.js';

const tags = ['client-side'];

/**
 * The request a storefront's GET writes in its query (`item[0][price]`, `amount`, `customer[..]`,
 * `metadata[..]`, as ClientSide.validate sends it), for a voucher or for promotions alike.
 */
export function clientRequestOf(query: Omit<Static<typeof ClientValidateQuery>, 'code'>): VoucherRequest {
  const { amount, item, metadata, order, customer, tracking_id } = query;
  const { session_type, session_key, session_ttl, session_ttl_unit } = query;
  const asksSession = session_type !== undefined || session_key !== undefined;
  return {
    customer: customer ?? null,
    metadata: metadata ?? null,
    tracking_id: tracking_id ?? null,
    order: amount !== undefined || item !== undefined ? { amount, items: item, metadata: order?.metadata } : null,
    ...(asksSession
      ? { session: { key: session_key ?? null, ttl: session_ttl ?? null, ttl_unit: session_ttl_unit ?? null } }
      : {}),
  };
}

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
      const { code } = request.query;
      const body = clientRequestOf(request.query);
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
