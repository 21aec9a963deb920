import type { JudgedRules } from '../../domain/qualifications/scenario-plan.js';
import type { AssignedDefinition } from '../../domain/rules/check-assigned-rules.js';
import { isCustomerRule, isNotCustomerRule, judgeOnly } from '../../domain/rules/judge-some-rules.js';
import type { ActiveTier } from '../promotions/active-tiers.js';

/**
 * The definitions as a scenario judges them: whole, or with only the customer's rules (or all
 * but the customer's) judged and the others unknown (judge-some-rules.ts). Every evaluator,
 * fast path included, takes the result as it takes the definitions themselves.
 */
export function judgedDefinitions(
  definitions: readonly AssignedDefinition[],
  judges: JudgedRules,
): readonly AssignedDefinition[] {
  if (judges === 'all' || definitions.length === 0) return definitions;
  const judgement = judges === 'customer' ? isCustomerRule : isNotCustomerRule;
  return definitions.map((definition) => ({ ...definition, compiled: judgeOnly(definition.compiled, judgement) }));
}

/** The active tiers with their definitions as the scenario judges them; unchanged when it judges all. */
export function judgedTiers(active: readonly ActiveTier[], judges: JudgedRules): readonly ActiveTier[] {
  if (judges === 'all') return active;
  return active.map((tier) => ({ ...tier, definitions: judgedDefinitions(tier.definitions, judges) }));
}
