import type { RuleErrorKey } from './rule-catalog.js';
import type { ConditionValue, ItemRef, ParsedCondition, ParsedRule } from './rule-definition.js';
import { RULE_OPERATOR_SPECS } from './rule-operators.js';

/**
 * What a failed definition reports: per failed rule its key, name, error key and message. The
 * message is the rule's `error.message`, else the definition's, else a default in terms of the
 * rule as written ("order amount must be more than 100.00"): deterministic and plain, so the same
 * cart always gets the same words.
 */

const REF_NOUNS: Readonly<Record<ItemRef['object'], string>> = {
  product: 'product',
  sku: 'SKU',
  products_collection: 'collection',
  product_or_sku: 'item',
};

function formatMoney(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const absolute = Math.abs(amount);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}

function formatValue(value: ConditionValue, isMoney: boolean): string {
  if (typeof value === 'object') return `${REF_NOUNS[value.object]} ${value.id ?? value.source_id}`;
  if (typeof value === 'string') return JSON.stringify(value);
  return isMoney && typeof value === 'number' ? formatMoney(value) : String(value);
}

function formatValues(condition: ParsedCondition, isMoney: boolean): string {
  return condition.values.map((value) => formatValue(value, isMoney)).join(', ');
}

function subjectOf(rule: ParsedRule): string {
  const label = rule.spec.label.toLowerCase();
  return rule.property === null ? label : `${label} ${JSON.stringify(rule.property)}`;
}

/** "be more than 100.00": the operator's phrase with the values filled in. */
function phraseOf(condition: ParsedCondition, isMoney: boolean): string {
  return RULE_OPERATOR_SPECS[condition.operator].phrase.replace('{value}', formatValues(condition, isMoney));
}

/** "must X", or its negation for a rule that held where the logic wanted it not to. */
function mustClause(phrase: string, held: boolean): string {
  if (!held) return `must ${phrase}`;
  return phrase.startsWith('not ') ? `must ${phrase.slice(4)}` : `must not ${phrase}`;
}

/** Conditions combine with `and`; the negation of that fails when any one of them holds. */
function joinClauses(clauses: readonly string[], held: boolean): string {
  return clauses.join(held ? ' or ' : ' and ');
}

const ITEM_PHRASES: Readonly<Record<string, readonly [subject: string, listed: string, unlisted: string]>> = {
  'order.items.any': ['the order', 'contain any of', 'not contain any of'],
  'order.items.every': ['the order', 'contain each of', 'not contain all of'],
  'order.items.none': ['the order', 'not contain any of', 'contain one of'],
  'order.items.cheapest': ['the cheapest item', 'be one of', 'not be one of'],
  'order.items.most_expensive': ['the most expensive item', 'be one of', 'not be one of'],
};

function describeItemRule(rule: ParsedRule, held: boolean): string {
  const [subject, listed, unlisted] = ITEM_PHRASES[rule.spec.name] ?? ITEM_PHRASES['order.items.any'] ?? ['', '', ''];
  const clauses = rule.conditions.map((condition) => {
    const isListed = condition.operator === '$is' || condition.operator === '$in';
    return mustClause(`${isListed ? listed : unlisted} ${formatValues(condition, false)}`, held);
  });
  const nested = rule.nested ? ' meeting the nested rules' : '';
  return `${subject} ${joinClauses(clauses, held)}${nested}`;
}

/**
 * What a failed rule means, in words. `held` is true when the rule passed but the logic required
 * it not to (it stood under a `not`).
 */
export function describeRuleFailure(rule: ParsedRule, held: boolean): string {
  if (rule.spec.valueType === 'item_refs') return describeItemRule(rule, held);
  const isMoney = rule.spec.valueType === 'money';
  const clauses = rule.conditions.map((condition) => mustClause(phraseOf(condition, isMoney), held));
  return `${subjectOf(rule)} ${joinClauses(clauses, held)}`;
}

/** A rule that made the definition fail, with the words and error key the API answers with. */
export interface FailedRule {
  readonly ruleKey: string;
  /** The rule's name as the definition spells it. */
  readonly ruleName: string;
  /** The rule's `error.message`, else the definition's, else a default naming the rule and condition. */
  readonly message: string;
  readonly errorKey: RuleErrorKey;
}

/** What a rule reports when it decides a failure; the same every time, so made once per rule. */
export function failureOf(rule: ParsedRule, held: boolean, definitionMessage: string | null): FailedRule {
  return Object.freeze({
    ruleKey: rule.key,
    ruleName: rule.name,
    message: rule.errorMessage ?? definitionMessage ?? describeRuleFailure(rule, held),
    errorKey: rule.spec.errorKey,
  });
}

export type RulesOutcome =
  | { readonly passed: true }
  | { readonly passed: false; readonly failed: readonly FailedRule[] };
