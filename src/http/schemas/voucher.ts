import { Type } from 'typebox';
import { MAX_CHARSET_LENGTH, MAX_CODE_LENGTH, MAX_RANDOM_LENGTH } from '../../domain/codes/code-config.js';
import { DISCOUNT_TYPES } from '../../domain/discounts/discount.js';
import { VOUCHER_TYPES } from '../../domain/vouchers/voucher.js';
import { Metadata, Nullable, StringEnum, Text, Timestamp } from './common.js';
import { AssignmentObject } from './validation-rule.js';

/** The largest redemption limit: far above any real one, safe as an integer everywhere. */
export const MAX_REDEMPTION_QUANTITY = 1_000_000_000;
/** Codes in one import or bulk request. */
export const MAX_ROWS = 10_000;

/** `{code}` in a path: the code, or (where Voucherify allows) the voucher's id. */
export const CodeParam = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 500, description: 'Voucher code' }),
});

const DateText = Text(64);
const DayOfWeek = Type.Integer({ minimum: 0, maximum: 6, description: '0 = Sunday … 6 = Saturday' });

/** The validity fields vouchers, templates and campaigns share; the domain checks them in depth. */
export const ValidityFields = {
  start_date: Type.Optional(Nullable(DateText)),
  expiration_date: Type.Optional(Nullable(DateText)),
  validity_timeframe: Type.Optional(
    Nullable(
      Type.Object({
        interval: Type.Optional(Nullable(Text(64))),
        duration: Type.Optional(Nullable(Text(64))),
      }),
    ),
  ),
  validity_day_of_week: Type.Optional(Nullable(Type.Array(DayOfWeek, { maxItems: 7 }))),
  validity_hours: Type.Optional(
    Nullable(
      Type.Object({
        daily: Type.Optional(
          Nullable(
            Type.Array(
              Type.Object({
                start_time: Type.Optional(Text(5)),
                expiration_time: Type.Optional(Text(5)),
                days_of_week: Type.Optional(Nullable(Type.Array(DayOfWeek, { maxItems: 7 }))),
              }),
              { maxItems: 50 },
            ),
          ),
        ),
      }),
    ),
  ),
};

export const CodeConfigInput = Type.Object({
  length: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: MAX_RANDOM_LENGTH }))),
  charset: Type.Optional(Nullable(Text(MAX_CHARSET_LENGTH))),
  prefix: Type.Optional(Nullable(Text(MAX_CODE_LENGTH))),
  postfix: Type.Optional(Nullable(Text(MAX_CODE_LENGTH))),
  pattern: Type.Optional(Nullable(Text(MAX_CODE_LENGTH))),
  initial_count: Type.Optional(Nullable(Type.Integer())),
});

/** Voucherify's discount object; parseDiscount checks each type's fields and names the wrong one. */
export const DiscountInput = Type.Object(
  { type: StringEnum(DISCOUNT_TYPES) },
  { description: 'AMOUNT, PERCENT, FIXED or UNIT discount, as Voucherify defines it' },
);

export const RedemptionInput = Type.Object({
  quantity: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: MAX_REDEMPTION_QUANTITY }))),
});

/** Fields every voucher write may carry. */
export const VoucherFields = {
  type: Type.Optional(Nullable(StringEnum(VOUCHER_TYPES))),
  discount: Type.Optional(Nullable(DiscountInput)),
  gift: Type.Optional(Nullable(Type.Object({}))),
  loyalty_card: Type.Optional(Nullable(Type.Object({}))),
  category: Type.Optional(Nullable(Text(200))),
  category_id: Type.Optional(Nullable(Text(200))),
  ...ValidityFields,
  active: Type.Optional(Nullable(Type.Boolean())),
  additional_info: Type.Optional(Nullable(Text(1000))),
  metadata: Type.Optional(Nullable(Metadata)),
  redemption: Type.Optional(Nullable(RedemptionInput)),
  validation_rules: Type.Optional(
    Nullable(
      Type.Array(Text(200), {
        maxItems: 50,
        description: "Ids of validation rules to assign; on update, the voucher's own rules become these",
      }),
    ),
  ),
};

export const VoucherCreateBody = Type.Object({
  ...VoucherFields,
  /** The SDK repeats the path's code in the body, where the path wins; without a code in the path, this one is used. */
  code: Type.Optional(Nullable(Text(500))),
  campaign: Type.Optional(Nullable(Text(500))),
  campaign_id: Type.Optional(Nullable(Text(200))),
  code_config: Type.Optional(Nullable(CodeConfigInput)),
});

export const VoucherUpdateBody = Type.Object({ ...VoucherFields, code: Type.Optional(Nullable(Text(500))) });

export const VoucherImportBody = Type.Array(Type.Object({ ...VoucherFields, code: Text(500) }), {
  minItems: 1,
  maxItems: MAX_ROWS,
});

export const VoucherBulkBody = Type.Array(Type.Object({ code: Text(500), metadata: Metadata }), {
  minItems: 1,
  maxItems: MAX_ROWS,
});

export const VoucherMetadataBody = Type.Object({
  codes: Type.Array(Text(500), { minItems: 1, maxItems: MAX_ROWS }),
  metadata: Metadata,
});

const Link = Type.Object({ id: Type.String(), url: Type.String() });

/** The validation rules assigned to a voucher or campaign, as its object embeds them. */
export const AssignmentsList = Type.Object({
  object: Type.Literal('list'),
  data_ref: Type.Literal('data'),
  data: Type.Array(AssignmentObject),
  total: Type.Integer(),
});
const ListLink = Type.Object({ object: Type.Literal('list'), url: Type.String() });

/** Voucherify's voucher object (documentation: answers are checked against the official spec in tests). */
export const VoucherObject = Type.Object(
  {
    id: Type.String(),
    code: Type.String(),
    campaign: Nullable(Type.String()),
    campaign_id: Nullable(Type.String()),
    category: Nullable(Type.String()),
    category_id: Nullable(Type.String()),
    categories: Type.Array(Type.Unknown()),
    type: StringEnum(VOUCHER_TYPES),
    // Left out for a gift card, which has no discount.
    discount: Type.Optional(Nullable(Type.Unknown())),
    gift: Nullable(Type.Unknown()),
    loyalty_card: Nullable(Type.Unknown()),
    start_date: Nullable(Type.String()),
    expiration_date: Nullable(Type.String()),
    validity_timeframe: Type.Optional(Type.Unknown()),
    validity_day_of_week: Type.Optional(Type.Array(Type.Integer())),
    validity_hours: Type.Optional(Type.Unknown()),
    active: Type.Boolean(),
    additional_info: Nullable(Type.String()),
    metadata: Metadata,
    assets: Type.Object({ qr: Link, barcode: Link }),
    is_referral_code: Type.Boolean(),
    holder_id: Nullable(Type.String()),
    referrer_id: Nullable(Type.String()),
    created_at: Timestamp,
    updated_at: Nullable(Timestamp),
    object: Type.Literal('voucher'),
    publish: Type.Intersect([ListLink, Type.Object({ count: Type.Integer() })]),
    redemption: Type.Intersect([
      ListLink,
      Type.Object({
        quantity: Nullable(Type.Integer()),
        redeemed_quantity: Type.Integer(),
        redeemed_points: Type.Integer(),
      }),
    ]),
    validation_rules_assignments: AssignmentsList,
  },
  { $id: 'Voucher' },
);
