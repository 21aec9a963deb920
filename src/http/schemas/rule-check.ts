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

export const RuleCheckObject = Type.Object(
  { valid: Type.Boolean(), rule_id: Type.String(), object: Type.Literal('validation_rules_validation') },
  { $id: 'ValidationRuleCheck', additionalProperties: true },
);
