import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { createOrder } from '../../app/orders/create-order.js';
import { importOrders } from '../../app/orders/import-orders.js';
import {
  getOrder,
  listOrders,
  type OrderWithRedemptions,
  withOrderRedemptions,
} from '../../app/orders/order-queries.js';
import { updateOrder } from '../../app/orders/update-order.js';
import { toAsyncActionCreated } from '../../app/views/async-action-view.js';
import { toOrderObject } from '../../app/views/order-view.js';
import { listBody } from '../list-body.js';
import { contextOf } from '../plugins/auth.js';
import { AsyncActionCreated, IdParam, ListOf } from '../schemas/common.js';
import { PageQueryFields, toListQuery } from '../schemas/list-query.js';
import { OrderCreateBody, OrderObject, OrderUpdateBody } from '../schemas/order.js';
import { SearchQueryField, toSearchText } from '../schemas/search-query.js';

const tags = ['orders'];
const Params = IdParam('orderId', "The order's id or source_id");

const toOrderBody = ({ order, redemptions }: OrderWithRedemptions) => toOrderObject(order, redemptions);

export function registerOrderRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/orders',
    {
      schema: {
        tags,
        summary: 'Create or update (upsert by id or source_id) an order, priced against the catalog',
        body: OrderCreateBody,
        response: { 200: OrderObject },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return toOrderBody(await withOrderRedemptions(ctx, await createOrder(ctx, request.body)));
    },
  );

  app.get(
    '/orders',
    {
      schema: {
        tags,
        summary: 'List orders',
        querystring: Type.Object({
          ...PageQueryFields,
          search: SearchQueryField("source_id or id, or in their customer's source_id, name or email"),
        }),
        response: { 200: ListOf('orders', OrderObject) },
      },
    },
    async (request) => {
      const { search, ...paging } = request.query;
      const query = toListQuery(paging, {
        sortFields: ['created_at', 'updated_at', 'amount', 'status'],
        defaultOrder: { field: 'created_at', direction: 'desc' },
      });
      const page = await listOrders(contextOf(request), query, { search: toSearchText(search) });
      return listBody('orders', page, toOrderBody);
    },
  );

  app.get(
    '/orders/:orderId',
    { schema: { tags, summary: 'Get an order', params: Params, response: { 200: OrderObject } } },
    async (request) => toOrderBody(await getOrder(contextOf(request), request.params.orderId)),
  );

  app.put(
    '/orders/:orderId',
    {
      schema: {
        tags,
        summary: 'Update an order',
        params: Params,
        body: OrderUpdateBody,
        response: { 200: OrderObject },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return toOrderBody(await withOrderRedemptions(ctx, await updateOrder(ctx, request.params.orderId, request.body)));
    },
  );

  app.post(
    '/orders/import',
    {
      schema: {
        tags,
        summary: 'Import historical orders, asynchronously',
        body: Type.Array(OrderCreateBody, { minItems: 1, maxItems: 2000 }),
        response: { 202: AsyncActionCreated },
      },
    },
    async (request, reply) =>
      reply.status(202).send(toAsyncActionCreated(await importOrders(contextOf(request), request.body))),
  );
}
