import { Type } from 'typebox';
import { QUALIFICATION_EXPANDS } from '../../app/qualifications/qualification-request.js';
import { MAX_QUALIFICATION_LIMIT } from '../../domain/qualifications/page-redeemables.js';
import { QUALIFICATION_SCENARIOS, SORTING_RULES } from '../../domain/qualifications/qualified-redeemable.js';
import { Metadata, Nullable, StringEnum, Text } from './common.js';
import { CustomerReference } from './customer.js';
import { RequestOrder } from './redemption.js';

const Values = Type.Optional(Nullable(Type.Array(Text(500), { maxItems: 100 })));

/** QualificationsFiltersCondition: the operators the spec allows on every filter field. */
const FieldConditions = Type.Object(
  {
    $is: Values,
    $is_not: Values,
    $in: Values,
    $not_in: Values,
    $has_value: Type.Optional(Type.Unknown()),
    $is_unknown: Type.Optional(Type.Unknown()),
  },
  { additionalProperties: false },
);

const FieldFilter = Type.Optional(Nullable(Type.Object({ conditions: Type.Optional(Nullable(FieldConditions)) })));

const Filters = Type.Object({
  junction: Type.Optional(Nullable(StringEnum(['and', 'or', 'AND', 'OR'] as const))),
  category_id: FieldFilter,
  campaign_id: FieldFilter,
  campaign_type: FieldFilter,
  resource_id: FieldFilter,
  resource_type: FieldFilter,
  voucher_type: FieldFilter,
  code: FieldFilter,
  holder_role: FieldFilter,
});

const Options = Type.Object({
  limit: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: MAX_QUALIFICATION_LIMIT }))),
  starting_after: Type.Optional(Nullable(Text(64))),
  filters: Type.Optional(Nullable(Filters)),
  expand: Type.Optional(Nullable(Type.Array(StringEnum(QUALIFICATION_EXPANDS), { maxItems: 3 }))),
  sorting_rule: Type.Optional(Nullable(StringEnum(SORTING_RULES))),
});

/** QualificationsCheckEligibilityRequestBody (server and client-side alike). */
export const QualificationBody = Type.Object({
  customer: Type.Optional(Nullable(CustomerReference)),
  order: Type.Optional(Nullable(RequestOrder)),
  tracking_id: Type.Optional(Nullable(Text(500))),
  scenario: Type.Optional(Nullable(StringEnum(QUALIFICATION_SCENARIOS))),
  options: Type.Optional(Nullable(Options)),
  session: Type.Optional(Nullable(Type.Object({}, { additionalProperties: true }))),
  metadata: Type.Optional(Nullable(Metadata)),
});

/** QualificationsCheckEligibilityResponseBody; redeemables are shaped by the view, so kept open here. */
export const QualificationObject = Type.Object(
  {
    redeemables: Type.Object(
      {
        object: StringEnum(['list'] as const),
        data_ref: StringEnum(['data'] as const),
        data: Type.Array(Type.Object({}, { additionalProperties: true })),
        total: Type.Integer(),
        has_more: Type.Boolean(),
        more_starting_after: Type.Optional(Type.String()),
      },
      { additionalProperties: true },
    ),
    tracking_id: Type.Optional(Type.String()),
    order: Type.Optional(Type.Object({}, { additionalProperties: true })),
    stacking_rules: Type.Object({}, { additionalProperties: true }),
    spend_more: Type.Object(
      {
        object: StringEnum(['list'] as const),
        data_ref: StringEnum(['data'] as const),
        data: Type.Array(Type.Object({}, { additionalProperties: true })),
        total: Type.Integer(),
      },
      { description: "Vouch's own: tiers the cart misses only by its amount, with the amount still to spend" },
    ),
  },
  { $id: 'Qualification', additionalProperties: true },
);
