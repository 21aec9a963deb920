import type { CompiledRule, CompiledValidationRules } from './compile-rules.js';
import type { LogicBlame } from './explain-logic.js';
import { PreparedRuleFacts, prepareRuleFacts } from './prepared-facts.js';
import type { RuleFacts } from './rule-facts.js';
import type { FailedRule, RulesOutcome } from './rule-failures.js';

export type { FailedRule, RulesOutcome };

const PASSED: RulesOutcome = Object.freeze({ passed: true });

/**
 * Evaluates a compiled definition against the facts of one request. Passing is the fast path;
 * a failure is evaluated again to say why: the rules that decided the logic (for an `and`, the
 * first that failed; for an `or`, every operand), in evaluation order. The first failure is the
 * one to answer with (its `errorKey` and `message`). Pass PreparedRuleFacts when evaluating many
 * definitions against one cart, so the cart is indexed once.
 */
export function evaluateRules(compiled: CompiledValidationRules, facts: RuleFacts | PreparedRuleFacts): RulesOutcome {
  const prepared = facts instanceof PreparedRuleFacts ? facts : prepareRuleFacts(facts);
  if (compiled.logic === null || compiled.passes(prepared)) return PASSED;
  // A definition of one rule failed: that rule is the reason, and the outcome is made at compile time.
  if (compiled.singleRuleFailure) return compiled.singleRuleFailure;
  const blame: LogicBlame[] = [];
  compiled.explain(prepared.topContext, blame);
  const failed: FailedRule[] = [];
  for (const { key, held } of blame) {
    const rule = compiled.rules.get(key) as CompiledRule;
    const failure = held ? rule.heldFailure : rule.failure;
    // A rule named twice in the logic is one reason.
    if (!failed.some((entry) => entry.ruleKey === key)) failed.push(failure);
  }
  return { passed: false, failed };
}
