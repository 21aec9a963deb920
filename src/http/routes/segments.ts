import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { createSegment } from '../../app/segments/create-segment.js';
import { deleteSegment } from '../../app/segments/delete-segment.js';
import { getSegment, listCustomerSegments, listSegments } from '../../app/segments/segment-queries.js';
import { toSegmentObject, toSimpleSegmentObject } from '../../app/segments/segment-view.js';
import { listBody } from '../list-body.js';
import { contextOf } from '../plugins/auth.js';
import { IdParam, ListOf, NoContent } from '../schemas/common.js';
import { toListQuery } from '../schemas/list-query.js';
import { toSearchText } from '../schemas/search-query.js';
import { SegmentCreateBody, SegmentListQuery, SegmentObject, SimpleSegmentObject } from '../schemas/segment.js';

const tags = ['segments'];
const Params = IdParam('segmentId', "The segment's id");
const CustomerParams = IdParam('customerId', "The customer's id or source_id");
const segmentsOrder = {
  sortFields: ['created_at', 'name'],
  defaultOrder: { field: 'created_at', direction: 'desc' },
} as const;

export function registerSegmentRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/segments',
    {
      schema: {
        tags,
        summary: 'Create a static segment (a list of customers) or an auto-update or passive one (a filter)',
        body: SegmentCreateBody,
        response: { 200: SegmentObject },
      },
    },
    async (request) => toSegmentObject(await createSegment(contextOf(request), request.body)),
  );

  app.get(
    '/segments',
    {
      schema: {
        tags,
        summary: 'List segments',
        querystring: SegmentListQuery,
        response: { 200: ListOf('data', SegmentObject) },
      },
    },
    async (request) => {
      const { search, ...paging } = request.query;
      const page = await listSegments(contextOf(request), toListQuery(paging, segmentsOrder), {
        search: toSearchText(search),
      });
      return listBody('data', page, toSegmentObject);
    },
  );

  app.get(
    '/segments/:segmentId',
    { schema: { tags, summary: 'Get a segment', params: Params, response: { 200: SegmentObject } } },
    async (request) => toSegmentObject(await getSegment(contextOf(request), request.params.segmentId)),
  );

  app.delete(
    '/segments/:segmentId',
    {
      schema: {
        tags,
        summary: 'Delete a segment and its memberships',
        params: Params,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await deleteSegment(contextOf(request), request.params.segmentId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/customers/:customerId/segments',
    {
      schema: {
        tags: ['customers'],
        summary: "List a customer's segments (for an unknown customer: the segments it would be in)",
        params: CustomerParams,
        response: { 200: ListOf('data', SimpleSegmentObject) },
      },
    },
    async (request) => {
      const segments = await listCustomerSegments(contextOf(request), request.params.customerId);
      return listBody('data', { items: segments, total: segments.length, has_more: false }, toSimpleSegmentObject);
    },
  );
}
