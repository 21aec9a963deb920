import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { getAsyncAction, listAsyncActions } from '../../app/async-actions/async-action-queries.js';
import { toAsyncActionObject } from '../../app/views/async-action-view.js';
import { listBody } from '../list-body.js';
import { contextOf } from '../plugins/auth.js';
import { IdParam, ListOf, Nullable, Timestamp } from '../schemas/common.js';
import { toListQuery } from '../schemas/list-query.js';

const tags = ['async actions'];

const AsyncActionObject = Type.Object(
  {
    id: Type.String(),
    type: Type.String(),
    status: Type.String({ enum: ['ENQUEUED', 'IN_PROGRESS', 'DONE', 'FAILED'] }),
    operation_status: Type.String({ enum: ['SUCCESS', 'FAILED', 'UNKNOWN'] }),
    created_at: Timestamp,
    updated_at: Nullable(Timestamp),
    request_id: Nullable(Type.String()),
    processing_time: Nullable(Type.Integer()),
    progress: Type.Integer(),
    result: Type.Optional(Type.Unknown({ description: 'What the action did: counts, failures, per-row results' })),
    object: Type.Literal('async_action'),
  },
  { $id: 'AsyncAction' },
);

export function registerAsyncActionRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/async-actions',
    {
      schema: {
        tags,
        summary: 'List async actions, newest first',
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
          end_date: Type.Optional(Type.String({ maxLength: 40, description: 'Only actions created before this date' })),
          starting_after_id: Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: { 200: ListOf('async_actions', AsyncActionObject) },
      },
    },
    async (request) => {
      const { end_date: endDate, ...paging } = request.query;
      const query = toListQuery(
        { ...paging, created_at: endDate === undefined ? undefined : { before: endDate } },
        { sortFields: ['created_at'], defaultOrder: { field: 'created_at', direction: 'desc' } },
      );
      const page = await listAsyncActions(contextOf(request), query);
      return listBody('async_actions', page, (a) => toAsyncActionObject(a, { withResult: false }), {
        total: false,
        cursor: (a) => a.id,
      });
    },
  );

  app.get(
    '/async-actions/:asyncActionId',
    {
      schema: {
        tags,
        summary: 'Get an async action with its result',
        params: IdParam('asyncActionId', 'The async action id'),
        response: { 200: AsyncActionObject },
      },
    },
    async (request) => toAsyncActionObject(await getAsyncAction(contextOf(request), request.params.asyncActionId)),
  );
}
