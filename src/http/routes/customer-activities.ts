import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { toCustomerActivityObject } from '../../app/custom-events/custom-event-view.js';
import { type ActivityListRequest, listCustomerActivities } from '../../app/custom-events/list-customer-activities.js';
import { listBody } from '../list-body.js';
import { contextOf } from '../plugins/auth.js';
import { IdParam, ListOf } from '../schemas/common.js';
import { ActivitiesListQuery, ActivityListQuery, CustomerActivityObject } from '../schemas/event.js';
import { toListQuery } from '../schemas/list-query.js';

const tags = ['customers'];
const Params = IdParam('customerId', "The customer's id or source_id");
const activityOrder = { sortFields: ['created_at'], defaultOrder: { field: 'created_at', direction: 'desc' } } as const;

interface RawActivityQuery {
  limit?: number;
  page?: number;
  order?: string;
  starting_after_id?: string;
  starting_after?: string;
  start_date?: string;
  end_date?: string;
  type?: string;
  campaign_id?: string;
  campaign_type?: string;
  category?: 'ACTION' | 'EFFECT';
  product_id?: string;
}

function toActivityListRequest(raw: RawActivityQuery): ActivityListRequest {
  const { limit, page, order, starting_after_id, starting_after, start_date, end_date, ...filters } = raw;
  return {
    query: toListQuery({ limit, page, order, starting_after_id }, activityOrder),
    window: { start_date, end_date, starting_after },
    ...filters,
  };
}

/** The activities a request asks for: both routes read the same query, and differ only in paging. */
function listActivitiesOf(request: FastifyRequest & { params: { customerId: string }; query: RawActivityQuery }) {
  return listCustomerActivities(contextOf(request), request.params.customerId, toActivityListRequest(request.query));
}

/** A customer's activity: its custom events, redemptions and rollbacks, newest first by default. */
export function registerCustomerActivityRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/customers/:customerId/activities',
    {
      schema: {
        tags,
        summary: "List a customer's activities (legacy): pages or cursors, with the total",
        params: Params,
        querystring: ActivitiesListQuery,
        response: { 200: ListOf('data', CustomerActivityObject) },
      },
    },
    async (request) => {
      const { customer, page } = await listActivitiesOf(request);
      return listBody('data', page, (activity) => toCustomerActivityObject(activity, customer), { hasMore: true });
    },
  );

  app.get(
    '/customers/:customerId/activity',
    {
      schema: {
        tags,
        summary: "List a customer's activity with a starting_after_id cursor",
        params: Params,
        querystring: ActivityListQuery,
        response: { 200: ListOf('data', CustomerActivityObject) },
      },
    },
    async (request) => {
      const { customer, page } = await listActivitiesOf(request);
      return listBody('data', page, (activity) => toCustomerActivityObject(activity, customer), {
        total: false,
        cursor: (activity) => activity.id,
      });
    },
  );
}
