import type { Customer } from '../../domain/customers/customer.js';
import type { ActivityRedemption, CustomEvent, CustomerActivity } from '../repositories/custom-event-repository.js';
import type { TrackedEvent } from './track-custom-event.js';

/** Voucherify's SimpleCustomer: unset text fields are left out rather than null. */
export function toSimpleCustomer(customer: Customer) {
  return {
    id: customer.id,
    ...(customer.source_id === null ? {} : { source_id: customer.source_id }),
    ...(customer.name === null ? {} : { name: customer.name }),
    ...(customer.email === null ? {} : { email: customer.email }),
    metadata: customer.metadata,
    object: 'customer' as const,
  };
}

/** The answer of `POST /v1/events`. Referral and loyalty are null: Vouch converts on neither yet. */
export function toEventCreatedObject({ event, customer }: TrackedEvent) {
  return {
    object: 'event' as const,
    type: event.event,
    customer: toSimpleCustomer(customer),
    referral: null,
    loyalty: null,
    metadata: event.metadata,
  };
}

function toCustomEventObject(event: CustomEvent, customer: Customer) {
  return {
    id: event.id,
    object: 'event' as const,
    type: event.event,
    customer: toSimpleCustomer(customer),
    referral: event.referral ?? {},
    loyalty: event.loyalty ?? {},
    metadata: event.metadata,
    created_at: event.created_at,
  };
}

/** Voucherify's event source channels; a redemption's channel maps onto them. */
const REDEMPTION_CHANNELS = { API: 'API', USER: 'USER_PORTAL', AUTO_REDEEM: 'INTERNAL' } as const;

function withoutNulls<T extends Record<string, unknown>>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== null)) as Partial<T>;
}

function toSimpleRedemption(redemption: ActivityRedemption) {
  return {
    id: redemption.id,
    ...withoutNulls({
      customer_id: redemption.customer_id,
      tracking_id: redemption.tracking_id,
      failure_code: redemption.failure_code,
      failure_message: redemption.failure_message,
      reason: redemption.reason,
      redemption: redemption.rollback_of,
    }),
    date: redemption.created_at,
    amount: redemption.amount,
    ...(redemption.order_id === null ? {} : { order: { id: redemption.order_id } }),
    result: redemption.result,
    status: redemption.status,
    metadata: redemption.metadata,
    channel: { channel_type: redemption.channel_type, ...withoutNulls({ channel_id: redemption.channel_id }) },
    object: redemption.object,
  };
}

function toActivityData(activity: CustomerActivity, customer: Customer) {
  if (activity.type === 'customer.custom_event') {
    const { event } = activity;
    return {
      data: {
        event: toCustomEventObject(event, customer),
        event_schema: { name: event.event },
        customer: toSimpleCustomer(customer),
        referral: null,
        loyalty: null,
      },
      event_source: { channel: event.channel },
    };
  }
  const { redemption } = activity;
  const rollback = redemption.object === 'redemption_rollback';
  return {
    data: {
      customer: toSimpleCustomer(customer),
      ...(redemption.voucher_id === null || redemption.voucher_code === null
        ? {}
        : {
            voucher: {
              id: redemption.voucher_id,
              code: redemption.voucher_code,
              ...withoutNulls({ campaign_id: redemption.campaign_id }),
              object: 'voucher' as const,
            },
          }),
      ...(redemption.campaign_id === null ? {} : { campaign: { id: redemption.campaign_id } }),
      ...(redemption.order_id === null ? {} : { order: { id: redemption.order_id } }),
      ...(rollback ? { redemption_rollback: toSimpleRedemption(redemption) } : {}),
      ...(rollback ? {} : { redemption: toSimpleRedemption(redemption) }),
    },
    event_source: { channel: REDEMPTION_CHANNELS[redemption.channel_type] },
  };
}

/**
 * One entry of a customer's activity list. Its id is the id of the event or redemption behind it
 * (Voucherify's own `evcus_` ids name activity rows Vouch does not keep), so a cursor names a row.
 */
export function toCustomerActivityObject(activity: CustomerActivity, customer: Customer) {
  const groupId = activity.type === 'customer.custom_event' ? activity.event.request_id : null;
  return {
    id: activity.id,
    type: activity.type,
    data: toActivityData(activity, customer),
    created_at: activity.created_at,
    ...(groupId === null ? {} : { group_id: groupId }),
  };
}
