import type { CompiledValidationRules } from './compile-rules.js';
import { evaluateRules } from './evaluate-rules.js';
import type { ApplicableToDefinition } from './parse-applicable-to.js';
import type { PreparedRuleFacts } from './prepared-facts.js';
import type { FailedRule } from './rule-failures.js';

/** The object a rule is assigned to; counting rules count the redemptions of that object. */
export interface RuleScope {
  type: 'voucher' | 'campaign' | 'promotion_tier';
  id: string;
}

/** One validation rule in force for a voucher or promotion tier, compiled, with the object it came through. */
export interface AssignedDefinition {
  ruleId: string;
  scope: RuleScope;
  compiled: CompiledValidationRules;
  applicableTo: ApplicableToDefinition;
}

export type AssignedRulesOutcome =
  | { passed: true; applicableTo: ApplicableToDefinition | null }
  | { passed: false; ruleId: string; failed: readonly FailedRule[] };

export function scopeKeyOf(scope: RuleScope): string {
  return `${scope.type}:${scope.id}`;
}

/**
 * Every definition must hold (Voucherify ANDs the rules assigned to a voucher and to its
 * campaign); the first that fails, in the order given, is the answer. When all hold, their
 * `applicable_to` lists together decide which lines the discount reaches: null when none names any.
 * `factsOf` gives the facts for a definition's scope: they differ only in the counters.
 */
export function checkAssignedRules(
  definitions: readonly AssignedDefinition[],
  factsOf: (scope: RuleScope) => PreparedRuleFacts,
): AssignedRulesOutcome {
  for (const definition of definitions) {
    const outcome = evaluateRules(definition.compiled, factsOf(definition.scope));
    if (!outcome.passed) return { passed: false, ruleId: definition.ruleId, failed: outcome.failed };
  }
  return { passed: true, applicableTo: mergeApplicableToOf(definitions) };
}

/**
 * Whether every definition holds: checkAssignedRules' `passed` without the reasons or the merged
 * `applicable_to`, for callers that probe one definition set many times (spend-more searches).
 */
export function passesAssignedRules(
  definitions: readonly AssignedDefinition[],
  factsOf: (scope: RuleScope) => PreparedRuleFacts,
): boolean {
  for (const { compiled, scope } of definitions) {
    if (compiled.logic !== null && !compiled.passes(factsOf(scope))) return false;
  }
  return true;
}

function namesNoLines(list: ApplicableToDefinition): boolean {
  return list.included.length === 0 && list.excluded.length === 0 && !list.included_all;
}

/** mergeApplicableTo of the definitions' lists; most name no lines, and then nothing is allocated. */
function mergeApplicableToOf(definitions: readonly AssignedDefinition[]): ApplicableToDefinition | null {
  for (const { applicableTo } of definitions) {
    if (!namesNoLines(applicableTo)) return mergeApplicableTo(definitions.map((definition) => definition.applicableTo));
  }
  return null;
}

/**
 * The lines several definitions allow together: their included entries in order, their excluded
 * entries all excluded. `included_all` survives only when no definition names lines of its own.
 */
export function mergeApplicableTo(lists: readonly ApplicableToDefinition[]): ApplicableToDefinition | null {
  const included = lists.flatMap((list) => (list.included_all ? [] : list.included));
  const excluded = lists.flatMap((list) => list.excluded);
  const includedAll = included.length === 0 && lists.some((list) => list.included_all);
  if (included.length === 0 && excluded.length === 0 && !includedAll) return null;
  return { included, excluded, included_all: includedAll };
}
