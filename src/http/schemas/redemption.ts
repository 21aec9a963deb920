import { Type } from 'typebox';
import { Metadata, Nullable, StringEnum, Text } from './common.js';
import { CustomerReference } from './customer.js';
import { OrderFields, OrderItemInput } from './order.js';

/** The order a validation or redemption prices: an order by id or source_id, or a new cart. */
export const RequestOrder = Type.Object({ id: Type.Optional(Nullable(Text(500))), ...OrderFields });

export const Session = Type.Object({
  type: Type.Optional(StringEnum(['LOCK'] as const)),
  key: Type.Optional(Text(200)),
  ttl: Type.Optional(Type.Integer({ minimum: 1 })),
  ttl_unit: Type.Optional(Text(20)),
});

/** The body of the legacy validate and redeem calls. */
export const VoucherRequestBody = Type.Object({
  customer: Type.Optional(Nullable(CustomerReference)),
  order: Type.Optional(Nullable(RequestOrder)),
  metadata: Type.Optional(Nullable(Metadata)),
  tracking_id: Type.Optional(Nullable(Text(500))),
  session: Type.Optional(Nullable(Session)),
  gift: Type.Optional(
    Nullable(Type.Object({ credits: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 2 ** 52 }))) })),
  ),
});

/** The query of the client-side `GET /client/v1/validate`, as the SDK's ClientSide.validate writes it. */
export const ClientValidateQuery = Type.Object({
  code: Text(200),
  amount: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 52 })),
  item: Type.Optional(Type.Array(OrderItemInput, { maxItems: 500 })),
  metadata: Type.Optional(Metadata),
  order: Type.Optional(Type.Object({ metadata: Type.Optional(Metadata) })),
  customer: Type.Optional(CustomerReference),
  tracking_id: Type.Optional(Text(500)),
  session_type: Type.Optional(Text(20)),
  session_key: Type.Optional(Text(200)),
  session_ttl: Type.Optional(Type.Integer({ minimum: 1 })),
  session_ttl_unit: Type.Optional(Text(20)),
});

export const RollbackQuery = Type.Object({
  reason: Type.Optional(Text(2000)),
  tracking_id: Type.Optional(Text(500)),
});

export const RollbackBody = Type.Object({
  reason: Type.Optional(Nullable(Text(2000))),
  tracking_id: Type.Optional(Nullable(Text(500))),
  customer: Type.Optional(Nullable(CustomerReference)),
  metadata: Type.Optional(Nullable(Metadata)),
});

/** Answers documented loosely: their fields are those of Voucherify's objects (see the spec). */
export const RedemptionObject = Type.Object(
  {
    id: Type.String(),
    object: StringEnum(['redemption', 'redemption_rollback'] as const),
    date: Type.String(),
    result: StringEnum(['SUCCESS', 'FAILURE'] as const),
    status: StringEnum(['SUCCEEDED', 'FAILED', 'ROLLED_BACK'] as const),
  },
  { $id: 'Redemption', additionalProperties: true },
);

export const ValidationObject = Type.Object(
  { valid: Type.Boolean(), code: Type.String() },
  { $id: 'VoucherValidation', additionalProperties: true },
);
