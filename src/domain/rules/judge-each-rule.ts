import type { CompiledValidationRules } from './compile-rules.js';
import { PreparedRuleFacts, prepareRuleFacts } from './prepared-facts.js';
import type { RuleFactSource } from './rule-catalog.js';
import { compareRuleKeys, type ParsedRule } from './rule-definition.js';
import { RULE_COUNTERS, type RuleCounter, type RuleFacts } from './rule-facts.js';

/**
 * Each top-level rule of a definition judged on its own, whatever the logic makes of it: what a
 * marketer debugging a definition asks ("is the cart over 100.00? is the customer in VIP?"). The
 * overall answer stays evaluateRules'; this only says how each operand came out.
 */
export interface RuleOutcome {
  readonly ruleKey: string;
  /** The rule's name as the definition spells it. */
  readonly ruleName: string;
  /**
   * Whether the rule holds, before any `not` of the logic; null when it reads a count the facts
   * do not hold (a rule checked without a voucher counts nothing), where any answer would be a guess.
   */
  readonly met: boolean | null;
}

function isCounter(source: RuleFactSource): source is RuleCounter {
  return (RULE_COUNTERS as readonly string[]).includes(source);
}

/** Whether the rule, or a rule nested under it, reads a count the facts were not given. */
function readsMissingCount(rule: ParsedRule, facts: RuleFacts): boolean {
  if (rule.spec.facts.some((source) => isCounter(source) && facts.counters[source] === undefined)) return true;
  return (rule.nested?.rules ?? []).some((nested) => readsMissingCount(nested, facts));
}

/**
 * The outcome of every rule the logic names, each with the same compiled check the logic runs on
 * the whole order, in key order (numeric keys by number). Rules the logic does not name are never
 * compiled and are not listed; neither are nested rules, which count as part of their item rule.
 */
export function judgeEachRule(compiled: CompiledValidationRules, facts: RuleFacts | PreparedRuleFacts): RuleOutcome[] {
  const prepared = facts instanceof PreparedRuleFacts ? facts : prepareRuleFacts(facts);
  const outcomes: RuleOutcome[] = [];
  for (const { rule, check } of compiled.rules.values()) {
    const met = readsMissingCount(rule, prepared.raw) ? null : check(prepared.topContext);
    outcomes.push({ ruleKey: rule.key, ruleName: rule.name, met });
  }
  return outcomes.sort((a, b) => compareRuleKeys(a.ruleKey, b.ruleKey));
}
