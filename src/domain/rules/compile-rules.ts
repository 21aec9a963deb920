import { compileConditions } from './compile-conditions.js';
import { compileItemRule, type NestedRules } from './compile-item-rules.js';
import { compileValueRule, isLineRule, type RuleCheck } from './compile-value-rule.js';
import { compileExplainer, type LogicExplainer } from './explain-logic.js';
import { compileLogic, type LogicNode, logicKeys } from './logic-expression.js';
import { effectiveLogic } from './parse-validation-rules.js';
import type { PreparedRuleFacts, RuleContext } from './prepared-facts.js';
import type { ItemRef, ParsedRule, ParsedRuleSet, ParsedValidationRules } from './rule-definition.js';
import { type RequiredFacts, RULE_COUNTERS, type RuleCounter } from './rule-facts.js';
import { type FailedRule, failureOf, type RulesOutcome } from './rule-failures.js';

export interface CompiledRule {
  rule: ParsedRule;
  check: RuleCheck;
  /** What the rule reports when it fails, and when it held under a `not`. */
  failure: FailedRule;
  heldFailure: FailedRule;
}

/** A definition compiled once (on load, not per request) into closures. */
export interface CompiledValidationRules {
  /** What the app must load before evaluating: only what the reachable rules read. */
  readonly requiredFacts: RequiredFacts;
  /** The logic in force; null when there are no rules, which always passes. */
  readonly logic: LogicNode | null;
  /** The rules the logic names, by key; rules it does not name are never evaluated. */
  readonly rules: ReadonlyMap<string, CompiledRule>;
  readonly errorMessage: string | null;
  /** The fast path: whether the definition passes, without saying why not. */
  readonly passes: (facts: PreparedRuleFacts) => boolean;
  /** The slow path, run on failure: which rules decided it (see explain-logic.ts). */
  readonly explain: LogicExplainer<RuleContext>;
  /** When the logic is one rule, its failure is always the same outcome, made here once. */
  readonly singleRuleFailure: RulesOutcome | null;
}

interface CompiledSet {
  logic: LogicNode | null;
  rules: Map<string, CompiledRule>;
  check: RuleCheck;
}

const ALWAYS: RuleCheck = () => true;

function compileRule(rule: ParsedRule): RuleCheck {
  const { valueType } = rule.spec;
  if (valueType === 'item_refs') return compileItemRule(rule, rule.nested ? compileNested(rule.nested) : null);
  return compileValueRule(rule, compileConditions(valueType, rule.conditions));
}

function compileNested(set: ParsedRuleSet): NestedRules {
  return {
    check: compileRuleSet(set, null).check,
    perLine: reachableRules(set).some((rule) => isLineRule(rule.spec.name)),
  };
}

function compileRuleSet(set: ParsedRuleSet, definitionMessage: string | null): CompiledSet {
  const logic = effectiveLogic(set);
  const rules = new Map<string, CompiledRule>();
  if (logic === null) return { logic, rules, check: ALWAYS };
  const byKey = new Map(set.rules.map((rule) => [rule.key, rule]));
  for (const key of logicKeys(logic)) {
    const rule = byKey.get(key);
    // Only parseValidationRules makes definitions, and it refuses a logic naming a missing rule.
    if (!rule) throw new Error(`logic names rule ${key}, which the definition does not hold`);
    rules.set(key, {
      rule,
      check: compileRule(rule),
      failure: failureOf(rule, false, definitionMessage),
      heldFailure: failureOf(rule, true, definitionMessage),
    });
  }
  return { logic, rules, check: compileLogic(logic, (key) => (rules.get(key) as CompiledRule).check) };
}

/** The rules reachable from a set's logic, nested ones included. */
function reachableRules(set: ParsedRuleSet): ParsedRule[] {
  const logic = effectiveLogic(set);
  if (logic === null) return [];
  const keys = new Set(logicKeys(logic));
  return set.rules
    .filter((rule) => keys.has(rule.key))
    .flatMap((rule) => [rule, ...(rule.nested ? reachableRules(rule.nested) : [])]);
}

function requiredFactsOf(rules: readonly ParsedRule[]): RequiredFacts {
  const sources = new Set(rules.flatMap((rule) => rule.spec.facts));
  const collectionIds = new Set<string>();
  for (const rule of rules) {
    if (rule.spec.valueType !== 'item_refs') continue;
    for (const condition of rule.conditions) {
      for (const ref of condition.values as readonly ItemRef[]) {
        if (ref.object === 'products_collection' && ref.id !== null) collectionIds.add(ref.id);
      }
    }
  }
  return {
    order: sources.has('order'),
    customer: sources.has('customer'),
    customerSegments: sources.has('customer_segments'),
    redemption: sources.has('redemption'),
    customEvent: sources.has('custom_event'),
    counters: RULE_COUNTERS.filter((counter: RuleCounter) => sources.has(counter)),
    collectionIds: [...collectionIds].sort(),
  };
}

/**
 * Compiles a parsed definition into closures: conditions, readers and logic are resolved here,
 * so evaluating it reads facts and compares, nothing else. Compile once per definition and keep
 * the result while the definition is unchanged.
 */
export function compileValidationRules(definition: ParsedValidationRules): CompiledValidationRules {
  const { logic, rules, check } = compileRuleSet(definition, definition.errorMessage);
  const leafOf = (key: string): RuleCheck => (rules.get(key) as CompiledRule).check;
  const single = logic?.type === 'rule' ? rules.get(logic.key) : undefined;
  return {
    singleRuleFailure: single ? Object.freeze({ passed: false, failed: Object.freeze([single.failure]) }) : null,
    explain: logic === null ? () => true : compileExplainer(logic, leafOf),
    requiredFacts: requiredFactsOf(reachableRules(definition)),
    logic,
    rules,
    errorMessage: definition.errorMessage,
    passes: (facts) => check(facts.topContext),
  };
}
