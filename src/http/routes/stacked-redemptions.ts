import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { trackingIdFor } from '../../app/redemptions/voucher-request.js';
import type { GuessThrottle } from '../../app/security/guess-throttle.js';
import { redeemStack } from '../../app/stacking/redeem-stack.js';
import { rollbackStack } from '../../app/stacking/rollback-stack.js';
import type { StackRequest } from '../../app/stacking/stack-request.js';
import { countUnknownCodes } from '../../app/stacking/unknown-codes.js';
import { validateStack } from '../../app/stacking/validate-stack.js';
import { toStackValidationObject } from '../../app/views/stack-view.js';
import { AppError } from '../../domain/errors.js';
import type { AppDeps } from '../app-deps.js';
import { clientAudience } from '../client-presenter.js';
import { presentClientStackRedeemAnswer, presentClientStackValidation } from '../client-stack-presenter.js';
import { lookUpAsGuesses } from '../code-guesses.js';
import { contextOf } from '../plugins/auth.js';
import { IdParam } from '../schemas/common.js';
import { RollbackBody, RollbackQuery } from '../schemas/redemption.js';
import {
  StackRedemptionObject,
  StackRequestBody,
  StackRollbackObject,
  StackValidationObject,
} from '../schemas/stacking-request.js';
import { voucherPresenter } from '../voucher-presenter.js';
import { idempotencyKeyOf, rollbackCallOf, sendAnswer } from './redemptions.js';

const tags = ['validation and redemption'];
// Fastify names a path segment once for all routes under it: `redemptionId`, as the single rollback's.
const ParentParams = IdParam('redemptionId', "The stacked redemption's parent id");

function validationSchema(summary: string) {
  return { tags, summary, body: StackRequestBody, response: { 200: StackValidationObject } };
}

function redemptionSchema(summary: string) {
  return { tags, summary, body: StackRequestBody, response: { 200: StackRedemptionObject } };
}

/** `POST /validations`, `POST /redemptions` and `POST /redemptions/{parent}/rollbacks`: stackable discounts. */
export function registerStackedRedemptionRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/validations',
    { schema: validationSchema('Validate up to 30 vouchers and promotion tiers together on one order') },
    async (request) => {
      const body: StackRequest = request.body;
      const ctx = contextOf(request);
      const validation = await validateStack(ctx, body);
      return toStackValidationObject(validation, {
        id: ctx.ids.newId('valid_'),
        trackingId: trackingIdFor(body, validation.customer?.source_id ?? null),
        rules: validation.rules,
        requestId: request.id,
        expand: body.options?.expand ?? [],
      });
    },
  );

  app.post(
    '/redemptions',
    {
      schema: redemptionSchema(
        'Redeem up to 30 vouchers and promotion tiers together; Idempotency-Key makes retries safe',
      ),
    },
    async (request, reply) => {
      const body: StackRequest = request.body;
      const ctx = contextOf(request);
      const answer = await redeemStack(ctx, body, {
        channel: { type: 'API', id: null },
        idempotencyKey: idempotencyKeyOf(request),
        presentVoucher: voucherPresenter(deps, ctx.project),
        requestId: request.id,
      });
      return sendAnswer(reply, answer);
    },
  );

  app.post(
    '/redemptions/:redemptionId/rollbacks',
    {
      schema: {
        tags,
        summary: 'Roll back every redemption of a stacked redemption; Idempotency-Key makes retries safe',
        params: ParentParams,
        querystring: RollbackQuery,
        body: Type.Optional(RollbackBody),
        response: { 200: StackRollbackObject },
      },
    },
    async (request, reply) => {
      const { rollback, options } = rollbackCallOf(request, request.body ?? undefined, request.query);
      return sendAnswer(reply, await rollbackStack(contextOf(request), request.params.redemptionId, rollback, options));
    },
  );
}

/**
 * The client-side twins, for storefronts: every code they name counts as a guess until it turns
 * out to exist, and they never rewrite a stored customer, product or order (`create_only`).
 */
export function registerClientStackedRedemptionRoutes(
  fastify: FastifyInstance,
  deps: AppDeps,
  guesses: GuessThrottle | null = null,
): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const codesIn = (body: StackRequest) => body.redeemables.filter((ref) => ref.object === 'voucher').length;

  app.post(
    '/validations',
    { schema: validationSchema('Validate stacked discounts from a storefront') },
    async (request, reply) => {
      const body: StackRequest = request.body;
      const ctx = contextOf(request);
      const validation = await lookUpAsGuesses(
        guesses,
        request,
        reply,
        codesIn(body),
        () => validateStack(ctx, body, 'create_only'),
        () => countUnknownCodes(ctx, body.redeemables),
      );
      const answer = toStackValidationObject(validation, {
        id: ctx.ids.newId('valid_'),
        trackingId: trackingIdFor(body, validation.customer?.source_id ?? null),
        rules: validation.rules,
        requestId: request.id,
        expand: body.options?.expand ?? [],
      });
      return presentClientStackValidation(answer, clientAudience(ctx.project, body.customer, validation.customer?.id));
    },
  );

  app.post(
    '/redemptions',
    { schema: redemptionSchema('Redeem stacked discounts from a storefront, where the project allows it') },
    async (request, reply) => {
      const ctx = contextOf(request);
      if (!ctx.project.settings.client_redeem_enabled) {
        throw new AppError('forbidden', { details: 'Redeeming with a client-side key is disabled for this project' });
      }
      const body: StackRequest = request.body;
      const answer = await lookUpAsGuesses(
        guesses,
        request,
        reply,
        codesIn(body),
        () =>
          redeemStack(ctx, body, {
            channel: { type: 'API', id: null },
            idempotencyKey: idempotencyKeyOf(request),
            presentVoucher: voucherPresenter(deps, ctx.project),
            writes: 'create_only',
            requestId: request.id,
          }),
        () => countUnknownCodes(ctx, body.redeemables),
      );
      const audience = clientAudience(ctx.project, body.customer, null);
      return sendAnswer(reply, presentClientStackRedeemAnswer(answer, audience));
    },
  );
}
