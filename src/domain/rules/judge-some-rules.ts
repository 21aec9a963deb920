import type { CompiledRule, CompiledValidationRules } from './compile-rules.js';
import type { LogicBlame } from './explain-logic.js';
import type { LogicNode } from './logic-expression.js';
import type { RuleContext } from './prepared-facts.js';
import type { ParsedRule } from './rule-definition.js';
import { type RequiredFacts, RULE_COUNTERS } from './rule-facts.js';

/**
 * Some questions judge only part of a definition: "which promotions could this customer get?"
 * judges the customer's rules and leaves the cart's open. A rule not judged is unknown, and the
 * logic is read in three values (Kleene): `x and unknown` is unknown, `x or unknown` is unknown
 * unless x holds, `not unknown` is unknown. Only a definition that fails whatever the unknown
 * rules turn out to be fails, so a rule not judged never refuses, not even under a `not`.
 */

/** Which rules a partial judgement reads; the others are unknown. */
export type RuleJudgement = (rule: ParsedRule) => boolean;

/** The rules about who the customer is: their profile, segments, loyalty tier and their own uses. */
export const isCustomerRule: RuleJudgement = (rule) =>
  rule.spec.group === 'customer' || rule.spec.name === 'redemption.count.per_customer';

/** Every rule but the customer's: the cart, the campaign's counts, the request. */
export const isNotCustomerRule: RuleJudgement = (rule) => !isCustomerRule(rule);

type Tri = 0 | 1 | 2;
const FALSE: Tri = 0;
const TRUE: Tri = 1;
const UNKNOWN: Tri = 2;

type TriCheck = (context: RuleContext) => Tri;

function compileTri(node: LogicNode, leafOf: (key: string) => TriCheck): TriCheck {
  switch (node.type) {
    case 'rule':
      return leafOf(node.key);
    case 'not': {
      const operand = compileTri(node.operand, leafOf);
      return (context) => {
        const value = operand(context);
        return value === UNKNOWN ? UNKNOWN : value === TRUE ? FALSE : TRUE;
      };
    }
    case 'and':
    case 'or': {
      const operands = node.operands.map((operand) => compileTri(operand, leafOf));
      const decisive: Tri = node.type === 'or' ? TRUE : FALSE;
      return (context) => {
        let unknown = false;
        for (const operand of operands) {
          const value = operand(context);
          if (value === decisive) return decisive;
          if (value === UNKNOWN) unknown = true;
        }
        return unknown ? UNKNOWN : decisive === TRUE ? FALSE : TRUE;
      };
    }
  }
}

interface Explained {
  value: Tri;
  blame: LogicBlame[];
}

/** explainLogic's deciders in three values: an unknown result has none, and unknown rules never decide. */
function explainTri(node: LogicNode, leafOf: (key: string) => TriCheck, context: RuleContext): Explained {
  switch (node.type) {
    case 'rule': {
      const value = leafOf(node.key)(context);
      return { value, blame: value === UNKNOWN ? [] : [{ key: node.key, held: value === TRUE }] };
    }
    case 'not': {
      const { value, blame } = explainTri(node.operand, leafOf, context);
      return { value: value === UNKNOWN ? UNKNOWN : value === TRUE ? FALSE : TRUE, blame };
    }
    case 'and':
    case 'or': {
      const decisive: Tri = node.type === 'or' ? TRUE : FALSE;
      const blame: LogicBlame[] = [];
      let unknown = false;
      for (const operand of node.operands) {
        const result = explainTri(operand, leafOf, context);
        if (result.value === decisive) return result;
        if (result.value === UNKNOWN) unknown = true;
        blame.push(...result.blame);
      }
      return unknown ? { value: UNKNOWN, blame: [] } : { value: decisive === TRUE ? FALSE : TRUE, blame };
    }
  }
}

/** The rules a judged rule reads through, nested ones included. */
function withNested(rule: ParsedRule): ParsedRule[] {
  const nested = rule.nested?.rules ?? [];
  return [rule, ...nested.flatMap(withNested)];
}

/** What the judged rules read; collections stay as they were (an `applicable_to` may name them too). */
function judgedFacts(judged: readonly CompiledRule[], all: RequiredFacts): RequiredFacts {
  const sources = new Set(judged.flatMap(({ rule }) => withNested(rule).flatMap((r) => r.spec.facts)));
  return {
    order: sources.has('order'),
    customer: sources.has('customer'),
    customerSegments: sources.has('customer_segments'),
    redemption: sources.has('redemption'),
    customEvent: sources.has('custom_event'),
    counters: RULE_COUNTERS.filter((counter) => sources.has(counter)),
    collectionIds: all.collectionIds,
  };
}

const cache = new WeakMap<RuleJudgement, WeakMap<CompiledValidationRules, CompiledValidationRules>>();

/**
 * The definition judged only on the rules `judges` picks, the others unknown (see above), as a
 * compiled definition every evaluator takes: it fails only when the judged rules alone make it
 * fail, blames only judged rules, and declares only the facts they read (so an unjudged counting
 * rule loads no count). Made once per definition and judgement.
 */
export function judgeOnly(compiled: CompiledValidationRules, judges: RuleJudgement): CompiledValidationRules {
  let made = cache.get(judges);
  if (!made) {
    made = new WeakMap();
    cache.set(judges, made);
  }
  const known = made.get(compiled);
  if (known) return known;
  const partial = makePartial(compiled, judges);
  made.set(compiled, partial);
  return partial;
}

function makePartial(compiled: CompiledValidationRules, judges: RuleJudgement): CompiledValidationRules {
  const judged = new Map([...compiled.rules].filter(([, entry]) => judges(entry.rule)));
  const { logic } = compiled;
  if (logic === null || judged.size === 0) {
    return {
      ...compiled,
      requiredFacts: judgedFacts([], compiled.requiredFacts),
      logic: null,
      rules: judged,
      passes: () => true,
      explain: () => true,
      singleRuleFailure: null,
    };
  }
  const leafOf = (key: string): TriCheck => {
    const entry = judged.get(key);
    if (!entry) return () => UNKNOWN;
    const check = entry.check;
    return (context) => (check(context) ? TRUE : FALSE);
  };
  const tri = compileTri(logic, leafOf);
  return {
    requiredFacts: judgedFacts([...judged.values()], compiled.requiredFacts),
    logic,
    rules: judged,
    errorMessage: compiled.errorMessage,
    passes: (facts) => tri(facts.topContext) !== FALSE,
    explain: (context, out) => {
      const { value, blame } = explainTri(logic, leafOf, context);
      out.push(...blame);
      return value !== FALSE;
    },
    singleRuleFailure: logic.type === 'rule' ? compiled.singleRuleFailure : null,
  };
}
