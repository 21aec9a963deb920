import type { RuleCatalogEntry, RuleEntry, RulesObject, RuleValueType } from '../../api/rules-api';
import { formatMoney } from '../../lib/format';

/** What each operator reads as after the rule's name: "Order amount" + "is more than" + "100.00". */
const OPERATOR_WORDS: Record<string, string> = {
  $is: 'is',
  $is_not: 'is not',
  $in: 'is any of',
  $not_in: 'is none of',
  $more_than: 'is more than',
  $more_than_or_equal: 'is at least',
  $less_than: 'is less than',
  $less_than_or_equal: 'is at most',
  $starts_with: 'starts with',
  $ends_with: 'ends with',
  $contains: 'contains',
  $not_contain: 'does not contain',
  $is_unknown: 'is unknown',
  $has_value: 'has any value',
  $after: 'is after',
  $before: 'is before',
  $is_days_ago: 'is exactly this many days ago',
  $more_than_ago: 'is more than this many days ago',
  $less_than_ago: 'is less than this many days ago',
  $is_days_in_future: 'is exactly this many days ahead',
  $more_than_future: 'is more than this many days ahead',
  $less_than_future: 'is less than this many days ahead',
  $count: 'has exactly this many elements',
  $count_more: 'has more than this many elements',
  $count_less: 'has fewer than this many elements',
};

/** Other spellings the API takes and echoes back as sent (Voucherify's filters and examples use them). */
const OPERATOR_ALIASES: Record<string, string> = {
  $more_than_equal: '$more_than_or_equal',
  $less_than_equal: '$less_than_or_equal',
  $greater_than: '$more_than',
  $greater_than_or_equal: '$more_than_or_equal',
  $greater_than_equal: '$more_than_or_equal',
};

const GROUP_LABELS: Record<string, string> = {
  customer: 'Customer',
  order: 'Order',
  order_items: 'Order items',
  campaign: 'Campaign',
  redemption: 'Redemptions',
  custom_event: 'Custom event',
};

export function toCanonicalOperator(operator: string): string {
  return OPERATOR_ALIASES[operator] ?? operator;
}

export function describeOperator(operator: string): string {
  const canonical = toCanonicalOperator(operator);
  return OPERATOR_WORDS[canonical] ?? canonical;
}

export function describeGroup(group: string): string {
  return GROUP_LABELS[group] ?? group;
}

/** The rule entries of a rules object in key order ("1", "2", … "10"), without `logic`. */
export function listRuleEntries(rules: RulesObject | null | undefined): [string, RuleEntry][] {
  const entries: [string, RuleEntry][] = [];
  for (const [key, value] of Object.entries(rules ?? {})) {
    if (key !== 'logic' && typeof value === 'object' && value !== null) entries.push([key, value]);
  }
  return entries.sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
}

function describeValue(value: unknown, valueType: RuleValueType | undefined): string {
  if (valueType === 'money' && typeof value === 'number') return formatMoney(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    const ref = value as { source_id?: string | null; id?: string | null };
    return ref.source_id ?? ref.id ?? JSON.stringify(value);
  }
  return String(value);
}

/** One condition in words, e.g. `Customer metadata "tier" is vip`. */
export function describeRuleEntry(entry: RuleEntry, catalog: ReadonlyMap<string, RuleCatalogEntry>): string {
  const spec = catalog.get(entry.name);
  const subject = `${spec?.label ?? entry.name}${entry.property ? ` “${entry.property}”` : ''}`;
  const parts = Object.entries(entry.conditions ?? {}).map(([operator, values]) => {
    const shown = (Array.isArray(values) ? values : [values]).map((value) => describeValue(value, spec?.valueType));
    return [describeOperator(operator), shown.join(', ')].filter((part) => part !== '').join(' ');
  });
  // An item rule's nested rules judge the lines it matched: "…, on lines where Item quantity is more than 1".
  const nested = listRuleEntries(entry.rules as RulesObject | undefined).length > 0;
  const lines = nested ? `, on lines where ${describeRules(entry.rules as RulesObject, catalog)}` : '';
  return `${subject} ${parts.join(' and ')}${lines}`;
}

/** The whole definition in words: the logic with each rule key replaced by its condition. */
export function describeRules(rules: RulesObject | null | undefined, catalog: ReadonlyMap<string, RuleCatalogEntry>) {
  const entries = listRuleEntries(rules);
  if (entries.length === 0) return 'No conditions';
  const words = new Map(entries.map(([key, entry]) => [key, describeRuleEntry(entry, catalog)]));
  const logic = typeof rules?.logic === 'string' ? rules.logic.trim() : '';
  if (logic === '') return [...words.values()].join(' and ');
  return logic.replace(/[^\s()]+/g, (token) => words.get(token) ?? token);
}
