import { Type } from 'typebox';
import { MAX_EVENT_NAME_LENGTH } from '../../app/custom-events/track-custom-event.js';
import { CUSTOMER_ACTIVITY_TYPES } from '../../app/repositories/custom-event-repository.js';
import { Metadata, Nullable, StringEnum, Text, Timestamp } from './common.js';
import { CustomerReference } from './customer.js';
import { CursorQueryFields, PageQueryFields } from './list-query.js';

/** The body of `POST /v1/events` and `POST /client/v1/events`, as the SDK's events.create and track send it. */
export const EventCreateBody = Type.Object({
  event: Type.String({ minLength: 1, maxLength: MAX_EVENT_NAME_LENGTH, description: 'The event name' }),
  customer: CustomerReference,
  metadata: Type.Optional(Nullable(Metadata)),
  referral: Type.Optional(
    Nullable(Type.Object({ code: Text(200), referrer_id: Type.Optional(Text(200)) }, { additionalProperties: false })),
  ),
  loyalty: Type.Optional(Nullable(Type.Object({ code: Text(200) }, { additionalProperties: false }))),
});

export const EventCreatedObject = Type.Object({
  object: Type.Literal('event'),
  type: Type.String(),
  customer: Type.Record(Type.String(), Type.Unknown()),
  referral: Type.Null(),
  loyalty: Type.Null(),
  metadata: Metadata,
});

export const CustomerActivityObject = Type.Object({
  id: Type.String(),
  type: StringEnum(CUSTOMER_ACTIVITY_TYPES),
  data: Type.Object({
    data: Type.Record(Type.String(), Type.Unknown()),
    event_source: Type.Object({ channel: Type.String() }),
  }),
  created_at: Timestamp,
  group_id: Type.Optional(Type.String()),
});

/** Filters both activity lists take. */
const ActivityFilterFields = {
  start_date: Type.Optional(Type.String({ format: 'date-time', description: 'From this moment, inclusive' })),
  end_date: Type.Optional(Type.String({ format: 'date-time', description: 'Up to this moment, inclusive' })),
  type: Type.Optional(Text(100)),
  campaign_id: Type.Optional(Text(200)),
  campaign_type: Type.Optional(
    StringEnum(['PROMOTION', 'GIFT_VOUCHERS', 'REFERRAL_PROGRAM', 'DISCOUNT_COUPONS', 'LOYALTY_PROGRAM'] as const),
  ),
  category: Type.Optional(StringEnum(['ACTION', 'EFFECT'] as const)),
  product_id: Type.Optional(Text(200)),
};

/** `GET /v1/customers/{id}/activities` (legacy): pages, or a `starting_after` date, or an id cursor. */
export const ActivitiesListQuery = Type.Object({
  ...CursorQueryFields,
  page: PageQueryFields.page,
  starting_after: Type.Optional(Type.String({ format: 'date-time', description: 'created_at cursor' })),
  ...ActivityFilterFields,
});

/** `GET /v1/customers/{id}/activity`: an id cursor. */
export const ActivityListQuery = Type.Object({ ...CursorQueryFields, ...ActivityFilterFields });
