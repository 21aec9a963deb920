import { Type } from 'typebox';
import { Metadata, Nullable, StringEnum, Text } from './common.js';
import { CustomerReference } from './customer.js';
import { RequestOrder } from './redemption.js';

/** What validating promotions and redeeming a tier carry (Voucherify's legacy bodies). */
const PromotionRequestFields = {
  customer: Type.Optional(Nullable(CustomerReference)),
  order: Type.Optional(Nullable(RequestOrder)),
  metadata: Type.Optional(Nullable(Metadata)),
  tracking_id: Type.Optional(Nullable(Text(500))),
};

export const PromotionValidationBody = Type.Object({
  ...PromotionRequestFields,
  options: Type.Optional(
    Nullable(Type.Object({ expand: Type.Optional(Type.Array(StringEnum(['category'] as const), { maxItems: 1 })) })),
  ),
});

export const TierRedemptionBody = Type.Object(PromotionRequestFields);

export const PromotionValidationObject = Type.Object(
  {
    valid: Type.Boolean(),
    promotions: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          object: StringEnum(['promotion_tier'] as const),
          discount_amount: Type.Integer(),
        },
        { additionalProperties: true },
      ),
    ),
  },
  { $id: 'PromotionValidation', additionalProperties: true },
);
