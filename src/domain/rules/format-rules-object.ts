import type { ParsedRule, ParsedRuleSet } from './rule-definition.js';

export interface RuleObject {
  name: string;
  property: string | null;
  conditions: Record<string, unknown[]>;
  rules: RulesObject | Record<string, never>;
  error?: { message: string };
}

export type RulesObject = { logic: string } & { [key: string]: RuleObject | string };

function toRuleObject(rule: ParsedRule): RuleObject {
  return {
    name: rule.name,
    property: rule.property,
    conditions: Object.fromEntries(rule.conditions.map((condition) => [condition.spelledAs, [...condition.rawValues]])),
    rules: rule.nested ? toRulesObject(rule.nested) : {},
    ...(rule.errorMessage === null ? {} : { error: { message: rule.errorMessage } }),
  };
}

/**
 * A checked `rules` object as Voucherify stores and echoes it: every rule with `property` (null
 * when it takes none) and `rules` (`{}` when it has no nested rules), names, operators and values
 * as the client wrote them, keys in order, and `logic` last.
 */
export function toRulesObject(set: ParsedRuleSet): RulesObject {
  const rules: Record<string, RuleObject> = {};
  for (const rule of set.rules) rules[rule.key] = toRuleObject(rule);
  return { ...rules, logic: set.logicText } as RulesObject;
}
