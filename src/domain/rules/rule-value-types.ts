import {
  COUNT_OPERATORS,
  DATE_OPERATORS,
  EQUALITY_OPERATORS,
  ORDERING_OPERATORS,
  PRESENCE_OPERATORS,
  RELATIVE_DAY_OPERATORS,
  type RuleOperator,
  TEXT_OPERATORS,
} from './rule-operators.js';

/**
 * What a rule compares. `money` is an integer in minor units (10000 = 100.00); `number` a count
 * or quantity; `metadata` whatever the shop stored under `property`, compared by the type of the
 * condition's value (see compile-conditions.ts); `segment_ids`/`tier_ids` the sets a customer
 * belongs to; `item_refs` products, SKUs and collections; `flag` a legacy marker that always holds.
 */
export type RuleValueType = 'money' | 'number' | 'metadata' | 'segment_ids' | 'tier_ids' | 'item_refs' | 'flag';

/** What one condition value must be, by the rule's value type and the operator. */
export type ConditionValueKind =
  | 'money'
  | 'number'
  | 'count'
  | 'text'
  | 'scalar'
  | 'number_or_date'
  | 'date'
  | 'id'
  | 'item_ref'
  | 'boolean'
  | 'none';

function kinds(operators: readonly RuleOperator[], kind: ConditionValueKind): [RuleOperator, ConditionValueKind][] {
  return operators.map((operator) => [operator, kind]);
}

const NUMERIC = (kind: 'money' | 'number') =>
  new Map([
    ...kinds(EQUALITY_OPERATORS, kind),
    ...kinds(ORDERING_OPERATORS, kind),
    ...kinds(PRESENCE_OPERATORS, 'none'),
  ]);

/** For each value type, the operators it takes and what their values must be. */
export const OPERATOR_VALUES_BY_TYPE: Readonly<Record<RuleValueType, ReadonlyMap<RuleOperator, ConditionValueKind>>> = {
  money: NUMERIC('money'),
  number: NUMERIC('number'),
  metadata: new Map([
    ...kinds(EQUALITY_OPERATORS, 'scalar'),
    ...kinds(ORDERING_OPERATORS, 'number_or_date'),
    ...kinds(TEXT_OPERATORS, 'text'),
    ...kinds(PRESENCE_OPERATORS, 'none'),
    ...kinds(DATE_OPERATORS, 'date'),
    ...kinds(RELATIVE_DAY_OPERATORS, 'count'),
    ...kinds(COUNT_OPERATORS, 'count'),
  ]),
  segment_ids: new Map(kinds(EQUALITY_OPERATORS, 'id')),
  tier_ids: new Map(kinds(EQUALITY_OPERATORS, 'id')),
  item_refs: new Map(kinds(EQUALITY_OPERATORS, 'item_ref')),
  flag: new Map(kinds(['$is', '$is_not'], 'boolean')),
};
