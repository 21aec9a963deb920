import type { RuleCounter } from './rule-facts.js';
import { RULE_NAME_ALIASES, type RuleNameAlias } from './rule-name-aliases.js';
import type { RuleOperator } from './rule-operators.js';
import { OPERATOR_VALUES_BY_TYPE, type RuleValueType } from './rule-value-types.js';

/**
 * The rule names Vouch evaluates, as data the parser, the compiler and the dashboard share: each
 * with its label, value type (rule-value-types.ts), operators, placement, the facts it reads and
 * the error key its failure answers with.
 */
export type RuleErrorKey = 'order_rules_violated' | 'customer_rules_violated' | 'redemption_rules_violated';

export type RuleFactSource = 'order' | 'customer' | 'customer_segments' | 'redemption' | 'custom_event' | RuleCounter;

/** Where a rule may stand: at the top of a definition, nested under an item rule, or both. */
export type RulePlacement = 'top' | 'nested' | 'anywhere';

export interface RuleNameSpec {
  name: RuleName;
  label: string;
  description: string;
  group: 'customer' | 'order' | 'order_items' | 'campaign' | 'redemption' | 'custom_event';
  valueType: RuleValueType;
  operators: readonly RuleOperator[];
  /** Metadata rules read the key named by `property`. */
  needsProperty: boolean;
  /** Item rules may carry nested rules, applied to the lines they match. */
  takesNestedRules: boolean;
  placement: RulePlacement;
  facts: readonly RuleFactSource[];
  errorKey: RuleErrorKey;
}

export const RULE_NAMES = [
  'customer.segment',
  'customer.metadata',
  'customer.loyalty.tier',
  'order.amount',
  'order.initial_amount',
  'order.metadata',
  'order.items.count',
  'order.items.price_any',
  'order.items.price_each',
  'order.items.any',
  'order.items.every',
  'order.items.none',
  'order.items.cheapest',
  'order.items.most_expensive',
  'order.items.quantity',
  'order.items.aggregated_quantity',
  'order.items.price',
  'order.items.aggregated_amount',
  'order.items.metadata',
  'product.metadata',
  'product.discount_applicable',
  'campaign.orders.amount',
  'campaign.redemptions.count',
  'redemption.count.per_customer',
  'redemption.count.daily',
  'redemption.count.monthly',
  'redemption.metadata',
  'custom_event.metadata',
] as const;

export type RuleName = (typeof RULE_NAMES)[number];

type SpecFields = Omit<RuleNameSpec, 'name' | 'operators' | 'needsProperty' | 'takesNestedRules'> &
  Partial<Pick<RuleNameSpec, 'operators' | 'needsProperty' | 'takesNestedRules'>>;

function entry(fields: SpecFields): Omit<RuleNameSpec, 'name'> {
  return {
    operators: [...OPERATOR_VALUES_BY_TYPE[fields.valueType].keys()],
    needsProperty: fields.valueType === 'metadata',
    takesNestedRules: false,
    ...fields,
  };
}

const CUSTOMER = {
  group: 'customer',
  placement: 'top',
  facts: ['customer'],
  errorKey: 'customer_rules_violated',
} as const;
const ORDER = { group: 'order', placement: 'top', facts: ['order'], errorKey: 'order_rules_violated' } as const;
const ITEMS = {
  group: 'order_items',
  placement: 'anywhere',
  facts: ['order'],
  errorKey: 'order_rules_violated',
} as const;
const ITEM_LIST = { ...ITEMS, placement: 'top', valueType: 'item_refs', takesNestedRules: true } as const;
const PRESENT_REFS = ['$is', '$in'] as const satisfies readonly RuleOperator[];
const REDEMPTION = { group: 'redemption', placement: 'top', errorKey: 'redemption_rules_violated' } as const;

const SPECS: Readonly<Record<RuleName, Omit<RuleNameSpec, 'name'>>> = {
  'customer.segment': entry({
    ...CUSTOMER,
    label: 'Customer segment',
    description: 'The segments the customer is in.',
    valueType: 'segment_ids',
    facts: ['customer', 'customer_segments'],
  }),
  'customer.metadata': entry({
    ...CUSTOMER,
    label: 'Customer metadata',
    description: "A key of the customer's metadata.",
    valueType: 'metadata',
  }),
  'customer.loyalty.tier': entry({
    ...CUSTOMER,
    label: 'Customer loyalty tier',
    description: 'The loyalty tiers the customer holds.',
    valueType: 'tier_ids',
  }),
  'order.amount': entry({
    ...ORDER,
    label: 'Order amount',
    description: 'The order total, after discounts applied before this one in a stack.',
    valueType: 'money',
  }),
  'order.initial_amount': entry({
    ...ORDER,
    label: 'Order initial amount',
    description: 'The order total before any discount.',
    valueType: 'money',
  }),
  'order.metadata': entry({
    ...ORDER,
    label: 'Order metadata',
    description: "A key of the order's metadata.",
    valueType: 'metadata',
  }),
  'order.items.count': entry({
    ...ITEMS,
    label: 'Number of order lines',
    description: 'How many lines the order (or the matched items) has.',
    valueType: 'number',
  }),
  'order.items.price_any': entry({
    ...ITEMS,
    placement: 'top',
    label: 'Price of any item',
    description: 'Some line has a unit price that meets the condition.',
    valueType: 'money',
  }),
  'order.items.price_each': entry({
    ...ITEMS,
    placement: 'top',
    label: 'Price of each item',
    description: 'Every line has a unit price that meets the condition.',
    valueType: 'money',
  }),
  'order.items.any': entry({
    ...ITEM_LIST,
    label: 'Any of these items in the cart',
    description: 'At least one listed product, SKU or collection is in the cart (with lines meeting the nested rules).',
    operators: PRESENT_REFS,
  }),
  'order.items.every': entry({
    ...ITEM_LIST,
    label: 'Every one of these items in the cart',
    description: 'Each listed product, SKU or collection is in the cart (with lines meeting the nested rules).',
    operators: PRESENT_REFS,
  }),
  'order.items.none': entry({
    ...ITEM_LIST,
    label: 'None of these items in the cart',
    description: 'No listed product, SKU or collection is in the cart (with lines meeting the nested rules).',
    operators: PRESENT_REFS,
  }),
  'order.items.cheapest': entry({
    ...ITEM_LIST,
    label: 'Cheapest item',
    description: 'The line with the lowest unit price is (or is not) one of the listed items.',
  }),
  'order.items.most_expensive': entry({
    ...ITEM_LIST,
    label: 'Most expensive item',
    description: 'The line with the highest unit price is (or is not) one of the listed items.',
  }),
  'order.items.quantity': entry({
    ...ITEMS,
    label: 'Item quantity',
    description: 'The quantity of a line (at the top: of some line).',
    valueType: 'number',
  }),
  'order.items.aggregated_quantity': entry({
    ...ITEMS,
    label: 'Total quantity',
    description: 'The quantities of the matched lines (at the top: of all lines) added up.',
    valueType: 'number',
  }),
  'order.items.price': entry({
    ...ITEMS,
    label: 'Item unit price',
    description: 'The unit price of a line (at the top: of some line).',
    valueType: 'money',
  }),
  'order.items.aggregated_amount': entry({
    ...ITEMS,
    label: 'Total amount of items',
    description: 'The amounts of the matched lines (at the top: of all lines) added up.',
    valueType: 'money',
  }),
  'order.items.metadata': entry({
    ...ITEMS,
    label: 'Item metadata',
    description: "A key of a line's metadata, else of its SKU's, else of its product's.",
    valueType: 'metadata',
  }),
  'product.metadata': entry({
    ...ITEMS,
    label: 'Product metadata',
    description: "A key of a line's product metadata.",
    valueType: 'metadata',
  }),
  'product.discount_applicable': entry({
    ...ITEMS,
    placement: 'nested',
    label: 'Discount applies to the matched items',
    description: 'A legacy marker; it always holds.',
    valueType: 'flag',
  }),
  'campaign.orders.amount': entry({
    ...REDEMPTION,
    group: 'campaign',
    label: 'Campaign orders amount',
    description: "The campaign's redeemed orders, this one included, added up.",
    valueType: 'money',
    facts: ['order', 'campaignOrdersAmount'],
  }),
  'campaign.redemptions.count': entry({
    ...REDEMPTION,
    group: 'campaign',
    label: 'Campaign redemptions',
    description: "The campaign's redemptions, this one included.",
    valueType: 'number',
    facts: ['campaignRedemptionsCount'],
  }),
  'redemption.count.per_customer': entry({
    ...REDEMPTION,
    label: 'Redemptions per customer',
    description: "The customer's redemptions of this voucher or campaign, this one included.",
    valueType: 'number',
    facts: ['customer', 'customerRedemptionsCount'],
  }),
  'redemption.count.daily': entry({
    ...REDEMPTION,
    label: 'Redemptions today',
    description: "Today's redemptions, this one included.",
    valueType: 'number',
    facts: ['dailyRedemptionsCount'],
  }),
  'redemption.count.monthly': entry({
    ...REDEMPTION,
    label: 'Redemptions this month',
    description: "This month's redemptions, this one included.",
    valueType: 'number',
    facts: ['monthlyRedemptionsCount'],
  }),
  'redemption.metadata': entry({
    ...REDEMPTION,
    label: 'Redemption metadata',
    description: "A key of the redemption request's metadata.",
    valueType: 'metadata',
    facts: ['redemption'],
  }),
  'custom_event.metadata': entry({
    ...REDEMPTION,
    group: 'custom_event',
    label: 'Custom event metadata',
    description: "A key of the custom event's metadata.",
    valueType: 'metadata',
    facts: ['custom_event'],
  }),
};

/** Every rule name Vouch evaluates, in a stable order, for the dashboard and the parser. */
export const RULE_CATALOG: readonly RuleNameSpec[] = RULE_NAMES.map((name) => ({ name, ...SPECS[name] }));

const BY_NAME: ReadonlyMap<string, RuleNameSpec> = new Map(RULE_CATALOG.map((spec) => [spec.name, spec]));

/** The catalog entry for a name as sent (aliases included), or undefined. */
export function findRuleSpec(name: string): { spec: RuleNameSpec; alias: RuleNameAlias | null } | undefined {
  const direct = BY_NAME.get(name);
  if (direct) return { spec: direct, alias: null };
  const alias = Object.hasOwn(RULE_NAME_ALIASES, name) ? RULE_NAME_ALIASES[name] : undefined;
  const spec = alias && BY_NAME.get(alias.name);
  return alias && spec ? { spec, alias } : undefined;
}
