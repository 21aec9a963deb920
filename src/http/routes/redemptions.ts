import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import type { Answer } from '../../app/redemptions/idempotent.js';
import { redeemVoucher } from '../../app/redemptions/redeem-voucher.js';
import { getRedemption, listRedemptions, listVoucherRedemptions } from '../../app/redemptions/redemption-queries.js';
import { releaseValidationSession } from '../../app/redemptions/release-validation-session.js';
import {
  type RollbackOptions,
  type RollbackRequest,
  rollbackRedemption,
} from '../../app/redemptions/rollback-redemption.js';
import { validateVoucher } from '../../app/redemptions/validate-voucher.js';
import { trackingIdFor, type VoucherRequest } from '../../app/redemptions/voucher-request.js';
import { toRedemptionObject } from '../../app/views/redemption-view.js';
import { toValidationObject } from '../../app/views/validation-view.js';
import { AppError } from '../../domain/errors.js';
import type { AppDeps } from '../app-deps.js';
import { listBody } from '../list-body.js';
import { contextOf } from '../plugins/auth.js';
import { IdParam, ListOf, NoContent, Text } from '../schemas/common.js';
import { PageQueryFields, toListQuery } from '../schemas/list-query.js';
import {
  RedemptionObject,
  RollbackBody,
  RollbackQuery,
  ValidationObject,
  VoucherRequestBody,
} from '../schemas/redemption.js';
import { SearchQueryField, toSearchText } from '../schemas/search-query.js';
import { voucherPresenter } from '../voucher-presenter.js';

const tags = ['validation and redemption'];
type RollbackInput = Static<typeof RollbackBody>;
type RollbackQueryInput = Static<typeof RollbackQuery>;
const CodeParams = IdParam('code', 'The voucher code');
const RedemptionParams = IdParam('redemptionId', 'The redemption id');

/** Idempotency-Key: a retried redemption or rollback answers as the first did, counting nothing again. */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const key = request.headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || key.length === 0 || key.length > 255) {
    throw new AppError('invalid_payload', { details: 'Idempotency-Key must be 1 to 255 characters' });
  }
  return key;
}

/** Validation sessions reserve uses of vouchers: a request about promotion tiers alone cannot open one. */
export function refuseSessions(body: { session?: unknown } | undefined): void {
  if (body?.session) {
    throw new AppError('missing_required_feature', {
      details: 'Validation sessions reserve uses of vouchers; promotion tiers have none to reserve',
    });
  }
}

/**
 * A rollback request as the SDK sends it: `reason` and `tracking_id` in the query (rollback) or
 * the body (rollbackStackable), the body winning; with the key and channel it runs under.
 */
export function rollbackCallOf(
  request: FastifyRequest,
  body: RollbackInput | undefined,
  query: RollbackQueryInput,
): { rollback: RollbackRequest; options: RollbackOptions } {
  const given = body ?? {};
  const rollback: RollbackRequest = {
    ...given,
    reason: given.reason ?? query.reason ?? null,
    tracking_id: given.tracking_id ?? query.tracking_id ?? null,
  };
  return { rollback, options: { channel: { type: 'API', id: null }, idempotencyKey: idempotencyKeyOf(request) } };
}

export function sendAnswer(reply: FastifyReply, answer: Answer): FastifyReply {
  return reply.status(answer.status).send(answer.body);
}

export function registerRedemptionRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/vouchers/:code/validate',
    {
      schema: {
        tags,
        summary: 'Validate a voucher against a cart and customer (legacy single validation)',
        params: CodeParams,
        body: Type.Optional(VoucherRequestBody),
        response: { 200: ValidationObject },
      },
    },
    async (request) => {
      const body: VoucherRequest = request.body ?? {};
      const ctx = contextOf(request);
      const outcome = await validateVoucher(ctx, request.params.code, body);
      return toValidationObject(outcome, {
        code: request.params.code,
        trackingId: trackingIdFor(body, outcome.customer?.source_id ?? null),
        metadata: body.metadata ?? {},
        requestId: request.id,
      });
    },
  );

  app.post(
    '/vouchers/:code/redemption',
    {
      schema: {
        tags,
        summary: 'Redeem a voucher (legacy single redemption); Idempotency-Key makes retries safe',
        params: CodeParams,
        body: Type.Optional(VoucherRequestBody),
        response: { 200: RedemptionObject },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const answer = await redeemVoucher(ctx, request.params.code, request.body ?? {}, {
        channel: { type: 'API', id: null },
        idempotencyKey: idempotencyKeyOf(request),
        presentVoucher: voucherPresenter(deps, ctx.project),
      });
      return sendAnswer(reply, answer);
    },
  );

  app.delete(
    '/vouchers/:code/sessions/:sessionKey',
    {
      schema: {
        tags,
        summary: 'Release a validation session: the use it reserved is free again',
        params: Type.Object({ code: Text(200), sessionKey: Text(200) }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await releaseValidationSession(contextOf(request), request.params.code, request.params.sessionKey);
      return reply.status(204).send();
    },
  );

  app.get(
    '/vouchers/:code/redemption',
    {
      schema: {
        tags,
        summary: "A voucher's uses and redemption entries",
        params: CodeParams,
        querystring: Type.Object(PageQueryFields),
      },
    },
    async (request) => {
      const query = toListQuery(request.query, {
        sortFields: ['created_at'],
        defaultOrder: { field: 'created_at', direction: 'desc' },
      });
      const { voucher, page } = await listVoucherRedemptions(contextOf(request), request.params.code, query);
      return {
        quantity: voucher.effective.redemption_quantity,
        redeemed_quantity: voucher.effective.redeemed_quantity,
        url: `/v1/vouchers/${encodeURIComponent(voucher.stored.code)}/redemptions?page=1&limit=10`,
        ...listBody('redemption_entries', page, toRedemptionObject),
      };
    },
  );

  app.get(
    '/redemptions',
    {
      schema: {
        tags,
        summary: 'List redemptions and rollbacks',
        querystring: Type.Object({
          ...PageQueryFields,
          result: Type.Optional(Type.String({ enum: ['SUCCESS', 'FAILURE'] })),
          object: Type.Optional(Type.String({ enum: ['redemption', 'redemption_rollback'] })),
          status: Type.Optional(Type.String({ enum: ['SUCCEEDED', 'FAILED', 'ROLLED_BACK'] })),
          campaign: Type.Optional(Text(500)),
          customer: Type.Optional(Text(500)),
          voucher: Type.Optional(Text(200)),
          search: SearchQueryField(
            "id or voucher code, in their customer's source_id, name or email, or in their order's source_id",
          ),
        }),
        response: { 200: ListOf('redemptions', RedemptionObject) },
      },
    },
    async (request) => {
      const { result, object, status, campaign, customer, voucher, search, ...paging } = request.query;
      const query = toListQuery(paging, {
        sortFields: ['created_at', 'updated_at'],
        defaultOrder: { field: 'created_at', direction: 'desc' },
      });
      const page = await listRedemptions(contextOf(request), query, {
        result: result as 'SUCCESS' | 'FAILURE' | undefined,
        object: object as 'redemption' | 'redemption_rollback' | undefined,
        status: status as 'SUCCEEDED' | 'FAILED' | 'ROLLED_BACK' | undefined,
        campaign,
        customer,
        voucher,
        search: toSearchText(search),
      });
      return listBody('redemptions', page, toRedemptionObject);
    },
  );

  app.get(
    '/redemptions/:redemptionId',
    {
      schema: {
        tags,
        summary: 'Get a redemption or a rollback',
        params: RedemptionParams,
        response: { 200: RedemptionObject },
      },
    },
    async (request) => toRedemptionObject(await getRedemption(contextOf(request), request.params.redemptionId)),
  );

  app.post(
    '/redemptions/:redemptionId/rollback',
    {
      schema: {
        tags,
        summary: 'Roll back a redemption; Idempotency-Key makes retries safe',
        params: RedemptionParams,
        querystring: RollbackQuery,
        body: Type.Optional(RollbackBody),
        response: { 200: RedemptionObject },
      },
    },
    async (request, reply) => {
      const { rollback, options } = rollbackCallOf(request, request.body ?? undefined, request.query);
      return sendAnswer(
        reply,
        await rollbackRedemption(contextOf(request), request.params.redemptionId, rollback, options),
      );
    },
  );
}
