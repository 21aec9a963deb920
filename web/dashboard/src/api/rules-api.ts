import { buildQuery, requestDashboard, requestProject } from './api-client';
import type { CampaignList, ListPage } from './api-types';

// The parts of Voucherify's validation rule objects the rules pages read; the server sends more.

export type RuleValueType = 'money' | 'number' | 'metadata' | 'segment_ids' | 'tier_ids' | 'item_refs' | 'flag';

/** One rule name the engine evaluates, as the server's catalog describes it. */
export interface RuleCatalogEntry {
  name: string;
  label: string;
  description: string;
  group: string;
  valueType: RuleValueType;
  operators: string[];
  needsProperty: boolean;
  takesNestedRules: boolean;
  placement: 'top' | 'nested' | 'anywhere';
  errorKey: string;
}

/** One condition of a definition: `{name, property?, conditions: {"$op": [values]}, rules?, error?}`. */
export interface RuleEntry {
  name: string;
  property?: string | null;
  conditions: Record<string, unknown[]>;
  rules?: Record<string, unknown>;
  error?: { message: string };
}

/** Rules keyed "1", "2", … and the `logic` text that combines them. */
export type RulesObject = { logic?: string } & Record<string, RuleEntry | string | undefined>;

export interface ValidationRule {
  id: string;
  name: string;
  rules: RulesObject;
  error?: { message: string };
  type: string;
  context_type: string;
  created_at: string;
  updated_at?: string;
  assignments_count: number;
}

export interface ValidationRuleList extends ListPage {
  data: ValidationRule[];
}

export interface ValidationRuleInput {
  name: string;
  rules: RulesObject;
  error?: { message: string } | null;
}

export interface RuleAssignment {
  id: string;
  rule_id: string;
  related_object_id: string;
  related_object_type: string;
  created_at: string;
}

export interface RuleAssignmentList extends ListPage {
  data: RuleAssignment[];
}

export interface CartLine {
  source_id: string;
  related_object: 'product';
  quantity: number;
  price: number;
}

export interface RuleCheckRequest {
  order: { amount?: number; items: CartLine[] };
  customer?: { source_id?: string; metadata?: Record<string, unknown> };
}

export interface FailedRule {
  rule: string;
  name: string;
  key: string;
  message: string;
}

/** One condition of the checked rule on its own: met, not met, or null when it cannot be known (a count). */
export interface RuleConditionOutcome {
  rule: string;
  name: string;
  met: boolean | null;
}

export type RuleCheckResult =
  | { valid: true; rule_id: string; conditions?: RuleConditionOutcome[] }
  | {
      valid: false;
      rule_id: string;
      error?: { key: string; message: string; details?: string };
      failed_rules?: FailedRule[];
      conditions?: RuleConditionOutcome[];
    };

export const RULES_PAGE_SIZE = 20;
/** Enough campaigns to choose from in one list; a project with more types the name instead. */
export const CAMPAIGN_CHOICES = 100;

const rulePath = (id: string) => `/validation-rules/${encodeURIComponent(id)}`;

export function getRuleCatalog(): Promise<{ rules: RuleCatalogEntry[] }> {
  return requestDashboard<{ rules: RuleCatalogEntry[] }>('/rule-catalog');
}

export function listValidationRules(page: number): Promise<ValidationRuleList> {
  return requestProject<ValidationRuleList>(`/validation-rules${buildQuery({ limit: RULES_PAGE_SIZE, page })}`);
}

export function getValidationRule(id: string): Promise<ValidationRule> {
  return requestProject<ValidationRule>(rulePath(id));
}

export function createValidationRule(input: ValidationRuleInput): Promise<ValidationRule> {
  return requestProject<ValidationRule>('/validation-rules', { method: 'POST', body: input });
}

export function updateValidationRule(id: string, input: ValidationRuleInput): Promise<ValidationRule> {
  return requestProject<ValidationRule>(rulePath(id), { method: 'PUT', body: input });
}

export function checkValidationRule(id: string, request: RuleCheckRequest): Promise<RuleCheckResult> {
  return requestProject<RuleCheckResult>(`${rulePath(id)}/validation`, { method: 'POST', body: request });
}

export function listRuleAssignments(id: string): Promise<RuleAssignmentList> {
  return requestProject<RuleAssignmentList>(`${rulePath(id)}/assignments${buildQuery({ limit: 100 })}`);
}

export function assignRuleToCampaign(id: string, campaignId: string): Promise<RuleAssignment> {
  return requestProject<RuleAssignment>(`${rulePath(id)}/assignments`, {
    method: 'POST',
    body: { campaign: campaignId },
  });
}

export function removeRuleAssignment(id: string, assignmentId: string): Promise<void> {
  return requestProject<void>(`${rulePath(id)}/assignments/${encodeURIComponent(assignmentId)}`, {
    method: 'DELETE',
  });
}

export function listCampaignChoices(): Promise<CampaignList> {
  return requestProject<CampaignList>(`/campaigns${buildQuery({ limit: CAMPAIGN_CHOICES, page: 1 })}`);
}
