import { Type } from 'typebox';
import { Metadata, Nullable, SourceId, Text, Timestamp } from './common.js';

const DateText = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

export const AddressInput = Type.Object({
  city: Type.Optional(Nullable(Text(200))),
  state: Type.Optional(Nullable(Text(200))),
  line_1: Type.Optional(Nullable(Text(500))),
  line_2: Type.Optional(Nullable(Text(500))),
  country: Type.Optional(Nullable(Text(200))),
  postal_code: Type.Optional(Nullable(Text(50))),
});

/** The fields a shop may set on a customer; absent fields stay as they are, null clears one. */
export const CustomerFields = {
  source_id: Type.Optional(Nullable(SourceId())),
  name: Type.Optional(Nullable(Text(500))),
  description: Type.Optional(Nullable(Text(2000))),
  email: Type.Optional(Nullable(Text(320))),
  phone: Type.Optional(Nullable(Text(100))),
  birthdate: Type.Optional(Nullable(DateText)),
  birthday: Type.Optional(Nullable(DateText)),
  address: Type.Optional(Nullable(AddressInput)),
  metadata: Type.Optional(Nullable(Metadata)),
};

export const CustomerCreateBody = Type.Object({ id: Type.Optional(Nullable(Text(200))), ...CustomerFields });
export const CustomerUpdateBody = Type.Object(CustomerFields);

/** A customer named in another request (an order, a redemption), created when new. */
export const CustomerReference = CustomerCreateBody;

const Address = Type.Object({
  city: Nullable(Type.String()),
  state: Nullable(Type.String()),
  line_1: Nullable(Type.String()),
  line_2: Nullable(Type.String()),
  country: Nullable(Type.String()),
  postal_code: Nullable(Type.String()),
});

export const CustomerObject = Type.Object(
  {
    id: Type.String(),
    source_id: Nullable(Type.String()),
    name: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
    email: Type.Optional(Type.String()),
    phone: Type.Optional(Type.String()),
    birthdate: Type.Optional(Type.String()),
    birthday: Type.Optional(Type.String()),
    address: Nullable(Address),
    summary: Type.Object({
      redemptions: Type.Record(Type.String(), Type.Unknown()),
      orders: Type.Object({
        total_amount: Type.Integer(),
        total_count: Type.Integer(),
        average_amount: Type.Integer(),
        last_order_amount: Type.Integer(),
        last_order_date: Nullable(Timestamp),
      }),
    }),
    loyalty: Type.Record(Type.String(), Type.Unknown()),
    referrals: Type.Record(Type.String(), Type.Unknown()),
    metadata: Metadata,
    system_metadata: Metadata,
    created_at: Timestamp,
    updated_at: Nullable(Timestamp),
    object: Type.Literal('customer'),
  },
  { $id: 'Customer' },
);
