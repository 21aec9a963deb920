import { Type } from 'typebox';
import { EXPAND_OPTIONS } from '../../app/stacking/stack-request.js';
import { Metadata, Nullable, StringEnum, Text } from './common.js';
import { CustomerReference } from './customer.js';
import { RequestOrder, Session } from './redemption.js';

const RedeemableId = Text(200);

/** One redeemable of a stacked request: a voucher (a gift card may name credits), a tier, or a stack alone. */
const RedeemableRef = Type.Union([
  Type.Object({
    object: Type.Literal('voucher'),
    id: RedeemableId,
    gift: Type.Optional(
      Nullable(Type.Object({ credits: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 2 ** 52 }))) })),
    ),
    reward: Type.Optional(Nullable(Type.Object({}, { additionalProperties: true }))),
  }),
  Type.Object({ object: Type.Literal('promotion_tier'), id: RedeemableId }),
  Type.Object({ object: Type.Literal('promotion_stack'), id: RedeemableId }),
]);

/** `POST /validations` and `POST /redemptions` (and their client-side twins). */
export const StackRequestBody = Type.Object({
  redeemables: Type.Array(RedeemableRef, { minItems: 1, maxItems: 30 }),
  customer: Type.Optional(Nullable(CustomerReference)),
  order: Type.Optional(Nullable(RequestOrder)),
  metadata: Type.Optional(Nullable(Metadata)),
  tracking_id: Type.Optional(Nullable(Text(500))),
  session: Type.Optional(Nullable(Session)),
  options: Type.Optional(
    Nullable(Type.Object({ expand: Type.Optional(Nullable(Type.Array(StringEnum(EXPAND_OPTIONS), { maxItems: 4 }))) })),
  ),
});

/** Answers documented loosely: their fields are those of Voucherify's objects (see the spec). */
export const StackValidationObject = Type.Object(
  { valid: Type.Boolean(), redeemables: Type.Array(Type.Object({}, { additionalProperties: true })) },
  { $id: 'StackedValidation', additionalProperties: true },
);

export const StackRedemptionObject = Type.Object(
  {
    redemptions: Type.Array(Type.Object({}, { additionalProperties: true })),
    parent_redemption: Type.Object({}, { additionalProperties: true }),
  },
  { $id: 'StackedRedemption', additionalProperties: true },
);

export const StackRollbackObject = Type.Object(
  {
    rollbacks: Type.Array(Type.Object({}, { additionalProperties: true })),
    parent_rollback: Type.Object({}, { additionalProperties: true }),
  },
  { $id: 'StackedRollback', additionalProperties: true },
);
