import type { RulesObject } from './format-rules-object.js';
import type { ApplicableToDefinition } from './parse-applicable-to.js';

export const VALIDATION_RULE_TYPES = ['expression', 'basic', 'advanced', 'complex'] as const;
export type ValidationRuleType = (typeof VALIDATION_RULE_TYPES)[number];

/** What a rule can be assigned to, as Voucherify names them. */
export const RELATED_OBJECT_TYPES = [
  'voucher',
  'campaign',
  'promotion_tier',
  'earning_rule',
  'distribution',
  'reward_assignment',
] as const;
export type RelatedObjectType = (typeof RELATED_OBJECT_TYPES)[number];

/**
 * A stored validation rule. `rules` is kept in the checked echo form (toRulesObject), which the
 * parser reads back unchanged, so evaluation can re-parse it without a second format.
 */
export interface ValidationRule {
  id: string;
  name: string;
  rules: RulesObject;
  /** The definition's fallback message for a failed rule without its own. */
  error_message: string | null;
  applicable_to: ApplicableToDefinition;
  type: ValidationRuleType;
  context_type: string;
  created_at: string;
  updated_at: string | null;
}

export interface ValidationRuleWithCount extends ValidationRule {
  assignments_count: number;
}

export interface ValidationRuleAssignment {
  id: string;
  rule_id: string;
  related_object_type: RelatedObjectType;
  related_object_id: string;
  created_at: string;
}
