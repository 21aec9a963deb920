import type { Customer } from '../../domain/customers/customer.js';
import { invalidPayload } from '../../domain/errors.js';
import type { Metadata } from '../../domain/metadata.js';
import type { ProjectContext } from '../context.js';
import { type CustomerUpsert, upsertCustomer } from '../customers/upsert-customer.js';
import { recordEvent } from '../events/record-event.js';
import { convertOnEvent } from '../referrals/convert-on-event.js';
import type {
  CustomEvent,
  CustomEventChannel,
  CustomEventLoyalty,
  CustomEventReferral,
} from '../repositories/custom-event-repository.js';
import { refreshCustomerSegments } from '../segments/refresh-customer-segments.js';
import type { WritePolicy } from '../write-policy.js';

/** Voucherify's limit on an event name. */
export const MAX_EVENT_NAME_LENGTH = 300;

export interface TrackEventRequest {
  event: string;
  customer: CustomerUpsert;
  metadata?: Metadata | null;
  referral?: CustomEventReferral | null;
  loyalty?: CustomEventLoyalty | null;
}

export interface TrackEventOptions {
  /** `create_only` for client-side keys: a new customer is created, a stored one is never rewritten. */
  writes: WritePolicy;
  channel: CustomEventChannel;
}

export interface TrackedEvent {
  event: CustomEvent;
  customer: Customer;
}

/** The event name as stored: trimmed, so `" signup"` and `"signup"` count as one event. */
function checkEventName(raw: string): string {
  const name = raw.trim();
  if (name.length === 0) throw invalidPayload('event must name the event: a non-empty string');
  if (name.length > MAX_EVENT_NAME_LENGTH) {
    throw invalidPayload(`event must be at most ${MAX_EVENT_NAME_LENGTH} characters`);
  }
  return name;
}

/**
 * `POST /v1/events`: the customer the event names is found or created (upsert-customer.ts, under
 * the key's write policy), then the event and its `customer.custom_event` outbox entry are stored,
 * all in one transaction, so a refused request leaves no customer and no event behind. Parallel
 * events of one new source_id create one customer (the upsert's conditional insert).
 */
export function trackCustomEvent(
  ctx: ProjectContext,
  request: TrackEventRequest,
  options: TrackEventOptions,
): Promise<TrackedEvent> {
  const name = checkEventName(request.event);
  if (!request.customer.id && !request.customer.source_id) {
    throw invalidPayload('customer must have an id or a source_id');
  }
  return ctx.store.transaction(async (store) => {
    const customer = await upsertCustomer(store, ctx.clock, ctx.ids, request.customer, options.writes);
    const now = ctx.clock.now().toISOString();
    const event: CustomEvent = {
      id: ctx.ids.newId('event_'),
      customer_id: customer.id,
      event: name,
      metadata: request.metadata ?? {},
      referral: request.referral ?? null,
      loyalty: request.loyalty ?? null,
      channel: options.channel,
      request_id: ctx.requestId,
      created_at: now,
    };
    await store.customEvents.insert(event);
    // A referral program's conversion event rewards the referrer in this transaction.
    await convertOnEvent(ctx, store, event);
    await refreshCustomerSegments(ctx, store, [customer.id]);
    await recordEvent(ctx, store, 'customer.custom_event', { object: 'event', id: event.id }, now);
    return { event, customer };
  });
}
