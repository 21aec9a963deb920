import { Type } from 'typebox';
import { Metadata, Nullable } from './common.js';
import { CustomerReference } from './customer.js';
import { RequestOrder } from './redemption.js';

/** What a rule is checked against: the customer, order and metadata a validation would carry. */
export const RuleCheckBody = Type.Object({
  customer: Type.Optional(Nullable(CustomerReference)),
  order: Type.Optional(Nullable(RequestOrder)),
  metadata: Type.Optional(Nullable(Metadata)),
});

/** One rule of the checked definition on its own, before the logic combines them. */
const RuleCheckCondition = Type.Object({
  rule: Type.String({ description: "The rule's key in the definition, as `failed_rules` names it" }),
  name: Type.String({ description: "The rule's name as the definition spells it" }),
  met: Nullable(
    Type.Boolean({
      description:
        'Whether the cart meets this rule on its own, before any `not` of the logic; null when it cannot be ' +
        'known here (a redemption count: a rule checked on its own has no voucher to count for)',
    }),
  ),
});

export const RuleCheckObject = Type.Object(
  {
    valid: Type.Boolean(),
    rule_id: Type.String(),
    object: Type.Literal('validation_rules_validation'),
    conditions: Type.Array(RuleCheckCondition, {
      description:
        'Vouch extension, not in Voucherify: each rule the logic names, in key order, judged on its own; ' +
        '`valid` is still the whole definition under its logic',
    }),
  },
  { $id: 'ValidationRuleCheck', additionalProperties: true },
);
