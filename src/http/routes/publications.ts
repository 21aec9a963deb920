import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { createPublication } from '../../app/publications/create-publication.js';
import { listCustomerRedeemables } from '../../app/publications/customer-wallet.js';
import { listPublications } from '../../app/publications/publication-queries.js';
import {
  toCustomerRedeemableObject,
  toListedPublicationObject,
  toPublicationObject,
  walletEntryId,
} from '../../app/views/publication-view.js';
import { AppError } from '../../domain/errors.js';
import type { PublicationResult } from '../../domain/publications/publication.js';
import type { AppDeps } from '../app-deps.js';
import { clientAudience, presentClientPublication } from '../client-presenter.js';
import { listBody } from '../list-body.js';
import { contextOf } from '../plugins/auth.js';
import { IdParam } from '../schemas/common.js';
import { toListQuery } from '../schemas/list-query.js';
import {
  ClientPublishBody,
  ClientPublishQuery,
  CustomerRedeemablesQuery,
  JoinOnceQuery,
  PublicationCreateBody,
  PublicationListQuery,
} from '../schemas/publication.js';
import { voucherViewPresenter } from '../voucher-presenter.js';

const tags = ['publications'];

/** `POST /v1/publications`, `GET /v1/publications` and a customer's wallet (`GET /v1/customers/{id}/redeemables`). */
export function registerPublicationRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/publications',
    {
      schema: {
        tags,
        summary: 'Hand a code, or codes of a campaign, to a customer',
        querystring: JoinOnceQuery,
        body: PublicationCreateBody,
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const outcome = await createPublication(ctx, request.body, {
        writes: 'upsert',
        joinOnce: request.query.join_once === true,
      });
      return toPublicationObject(outcome, voucherViewPresenter(deps, ctx.project));
    },
  );

  app.get(
    '/publications',
    { schema: { tags, summary: 'List publications, newest first', querystring: PublicationListQuery } },
    async (request) => {
      const { campaign, customer, voucher, result, voucher_type, is_referral_code, source_id, ...paging } =
        request.query;
      const query = toListQuery(paging, {
        sortFields: ['created_at', 'id', 'voucher_code', 'tracking_id', 'customer_id', 'channel'],
        defaultOrder: { field: 'created_at', direction: 'desc' },
      });
      const page = await listPublications(contextOf(request), query, {
        campaign,
        customer,
        voucher,
        result: result as PublicationResult | undefined,
        voucher_type,
        is_referral_code,
        source_id,
      });
      return listBody('publications', page, toListedPublicationObject);
    },
  );

  app.get(
    '/customers/:customerId/redeemables',
    {
      schema: {
        tags: ['customers'],
        summary: 'The codes a customer holds (their wallet), a page at a time',
        params: IdParam('customerId', 'The customer id or source_id'),
        querystring: CustomerRedeemablesQuery,
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const { starting_after_id, limit, order } = request.query;
      const query = toListQuery(
        { limit, order, starting_after_id: starting_after_id?.replace(/^rh_/, '') },
        { sortFields: ['id', 'created_at'], defaultOrder: { field: 'created_at', direction: 'desc' } },
      );
      const page = await listCustomerRedeemables(ctx, request.params.customerId, query);
      const present = voucherViewPresenter(deps, ctx.project);
      return listBody('data', page, (entry) => toCustomerRedeemableObject(entry, present), {
        cursor: (entry) => walletEntryId(entry.view.voucher.id),
      });
    },
  );
}

/** `POST /client/v1/publish`: a storefront hands a campaign's code to its shopper, where the project allows it. */
export function registerClientPublicationRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/publish',
    {
      schema: {
        tags: ['client-side'],
        summary: 'Publish a code of a campaign to the shopper, where the project allows it',
        querystring: ClientPublishQuery,
        body: ClientPublishBody,
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      if (!ctx.project.settings.client_publish_enabled) {
        throw new AppError('forbidden', { details: 'Publishing with a client-side key is disabled for this project' });
      }
      const body = request.body;
      // A storefront publishes from a campaign only: naming a code would let it claim any code it guessed.
      const outcome = await createPublication(
        ctx,
        { ...body, voucher: null, campaign: { name: request.query.campaign, count: 1 }, join_once: null },
        { writes: 'create_only', joinOnce: request.query.join_once === true },
      );
      const answer = toPublicationObject(outcome, voucherViewPresenter(deps, ctx.project));
      const audience = clientAudience(ctx.project, body.customer, outcome.publication.customer_id);
      return presentClientPublication(answer, audience, body.metadata);
    },
  );
}
