import { Type } from 'typebox';
import { ORDER_STATUSES } from '../../domain/orders/order.js';
import { Metadata, Nullable, SourceId, StringEnum, Text, Timestamp } from './common.js';
import { CustomerReference } from './customer.js';

/** Money and counts: whole numbers, never negative, below what a double holds exactly. */
const Amount = Type.Integer({ minimum: 0, maximum: 2 ** 52 });
const Quantity = Type.Integer({ minimum: 0, maximum: 1_000_000 });

const ItemProduct = Type.Object({
  id: Type.Optional(Nullable(Text(500))),
  source_id: Type.Optional(Nullable(SourceId())),
  name: Type.Optional(Nullable(Text(500))),
  price: Type.Optional(Nullable(Amount)),
  metadata: Type.Optional(Nullable(Metadata)),
  override: Type.Optional(Nullable(Type.Boolean())),
});

const ItemSku = Type.Object({
  id: Type.Optional(Nullable(Text(500))),
  source_id: Type.Optional(Nullable(SourceId())),
  sku: Type.Optional(Nullable(Text(500))),
  price: Type.Optional(Nullable(Amount)),
  metadata: Type.Optional(Nullable(Metadata)),
  override: Type.Optional(Nullable(Type.Boolean())),
});

export const OrderItemInput = Type.Object({
  sku_id: Type.Optional(Nullable(Text(500))),
  product_id: Type.Optional(Nullable(Text(500))),
  related_object: Type.Optional(Nullable(StringEnum(['product', 'sku'] as const))),
  source_id: Type.Optional(Nullable(SourceId())),
  quantity: Type.Optional(Nullable(Quantity)),
  discount_quantity: Type.Optional(Nullable(Quantity)),
  initial_quantity: Type.Optional(Nullable(Quantity)),
  price: Type.Optional(Nullable(Amount)),
  amount: Type.Optional(Nullable(Amount)),
  discount_amount: Type.Optional(Nullable(Amount)),
  initial_amount: Type.Optional(Nullable(Amount)),
  product: Type.Optional(Nullable(ItemProduct)),
  sku: Type.Optional(Nullable(ItemSku)),
  metadata: Type.Optional(Nullable(Metadata)),
});

/** An order as a shop sends it; at most 500 lines, as Voucherify allows. */
export const OrderFields = {
  source_id: Type.Optional(Nullable(SourceId())),
  status: Type.Optional(Nullable(StringEnum(ORDER_STATUSES))),
  amount: Type.Optional(Nullable(Amount)),
  initial_amount: Type.Optional(Nullable(Amount)),
  discount_amount: Type.Optional(Nullable(Amount)),
  items: Type.Optional(Nullable(Type.Array(OrderItemInput, { maxItems: 500 }))),
  metadata: Type.Optional(Nullable(Metadata)),
  created_at: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
  customer: Type.Optional(Nullable(CustomerReference)),
  referrer: Type.Optional(Nullable(CustomerReference)),
  customer_id: Type.Optional(Nullable(Text(500))),
  referrer_id: Type.Optional(Nullable(Text(500))),
};

export const OrderCreateBody = Type.Object({ id: Type.Optional(Nullable(Text(500))), ...OrderFields });
export const OrderUpdateBody = Type.Object(OrderFields);

const Party = Type.Optional(Type.Object({ id: Type.String(), object: Type.Literal('customer') }));

/** One redemption of the order (a stacked one by its parent), keyed by the redemption's id. */
const OrderRedemptionEntry = Type.Object({
  date: Type.Optional(Timestamp),
  related_object_type: Type.Optional(StringEnum(['voucher', 'promotion_tier', 'redemption'] as const)),
  related_object_id: Type.Optional(Type.String()),
  related_object_parent_id: Type.Optional(Type.String()),
  stacked: Type.Optional(Type.Array(Type.String())),
  rollback_id: Type.Optional(Type.String()),
  rollback_date: Type.Optional(Timestamp),
  rollback_stacked: Type.Optional(Type.Array(Type.String())),
});

export const OrderObject = Type.Object(
  {
    id: Type.String(),
    source_id: Nullable(Type.String()),
    created_at: Timestamp,
    updated_at: Nullable(Timestamp),
    status: StringEnum(ORDER_STATUSES),
    amount: Type.Integer(),
    initial_amount: Type.Optional(Type.Integer()),
    discount_amount: Type.Optional(Type.Integer()),
    items_discount_amount: Type.Optional(Type.Integer()),
    total_discount_amount: Type.Optional(Type.Integer()),
    total_amount: Type.Integer(),
    items: Type.Array(Type.Record(Type.String(), Type.Unknown())),
    metadata: Metadata,
    customer: Party,
    referrer: Party,
    customer_id: Nullable(Type.String()),
    referrer_id: Nullable(Type.String()),
    redemptions: Type.Record(Type.String(), OrderRedemptionEntry),
    object: Type.Literal('order'),
  },
  { $id: 'Order' },
);
