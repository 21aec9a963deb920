import type { Customer } from '../../domain/customers/customer.js';
import { AppError } from '../../domain/errors.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { ProjectContext } from '../context.js';
import { getCustomerByRef } from '../customers/upsert-customer.js';
import type { CustomerActivity } from '../repositories/custom-event-repository.js';
import { type ActivityWindow, toCreatedAtRange } from './activity-window.js';

export interface ActivityListRequest {
  /** Limit, page, order and `starting_after_id`; its `created_at` range is replaced by `window`. */
  query: ListQuery;
  window: ActivityWindow;
  type?: string;
  campaign_id?: string;
  campaign_type?: string;
  category?: 'ACTION' | 'EFFECT';
  product_id?: string;
}

export interface CustomerActivities {
  customer: Customer;
  page: ListPage<CustomerActivity>;
}

const NO_ACTIVITIES: ListPage<CustomerActivity> = { items: [], total: 0, has_more: false };

/**
 * `GET /v1/customers/{id}/activities` and `/activity`: the customer's custom events, redemptions
 * and rollbacks as one list. Each is something the customer did, an `ACTION`; Vouch records no
 * `EFFECT` activities yet, so asking for those finds none.
 */
export async function listCustomerActivities(
  ctx: ProjectContext,
  customerRef: string,
  request: ActivityListRequest,
): Promise<CustomerActivities> {
  if (request.campaign_type !== undefined || request.product_id !== undefined) {
    throw new AppError('missing_required_feature', {
      details: 'Filtering customer activities by campaign_type or product_id is not supported yet',
    });
  }
  const customer = await getCustomerByRef(ctx.store, customerRef);
  if (request.category === 'EFFECT') return { customer, page: NO_ACTIVITIES };
  const query: ListQuery = {
    ...request.query,
    created_at: toCreatedAtRange(request.window, request.query.order.direction),
  };
  const page = await ctx.store.customEvents.listActivities(customer.id, query, {
    type: request.type,
    campaign_id: request.campaign_id,
  });
  return { customer, page };
}
