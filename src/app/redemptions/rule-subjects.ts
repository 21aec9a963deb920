import { type AssignedDefinition, type RuleScope, scopeKeyOf } from '../../domain/rules/check-assigned-rules.js';
import type { ProjectStore } from '../ports.js';
import { compiledRulesOf } from '../validation-rules/compiled-rule-cache.js';
import type { LoadedVoucher } from './load-voucher.js';

/**
 * What a set of rules is assigned through: the redeemed object (a voucher or a promotion tier) and
 * its campaign. Rules assigned to either apply; counting rules count the redemptions of their scope.
 */
export interface RuleSubject {
  scope: RuleScope;
  campaignId: string | null;
}

export function voucherSubject(voucher: LoadedVoucher): RuleSubject {
  return { scope: { type: 'voucher', id: voucher.stored.id }, campaignId: voucher.campaign?.id ?? null };
}

/**
 * The validation rules assigned to each subject and to its campaign, compiled (once per change),
 * by the subject's scope key: one lookup for every subject, in the order the rules were assigned.
 */
export async function loadSubjectRules(
  store: ProjectStore,
  subjects: readonly RuleSubject[],
): Promise<Map<string, AssignedDefinition[]>> {
  const bySubject = new Map<string, AssignedDefinition[]>();
  const subjectsOf = new Map<string, RuleSubject[]>();
  const link = (objectId: string, subject: RuleSubject) => {
    const list = subjectsOf.get(objectId) ?? [];
    list.push(subject);
    subjectsOf.set(objectId, list);
  };
  for (const subject of subjects) {
    bySubject.set(scopeKeyOf(subject.scope), []);
    link(subject.scope.id, subject);
    if (subject.campaignId !== null) link(subject.campaignId, subject);
  }
  if (subjectsOf.size === 0) return bySubject;
  const assigned = await store.validationRules.findAssignedTo([...subjectsOf.keys()]);
  const compiled = await compiledRulesOf(store, assigned);
  for (const rule of assigned) {
    const linked = (subjectsOf.get(rule.related_object_id) ?? []).filter((subject) =>
      rule.related_object_type === 'campaign'
        ? subject.campaignId === rule.related_object_id
        : subject.scope.type === rule.related_object_type,
    );
    if (linked.length === 0) continue;
    const entry = compiled.get(rule.ruleId);
    if (!entry) continue;
    const scope: RuleScope = { type: rule.related_object_type as RuleScope['type'], id: rule.related_object_id };
    for (const subject of linked) {
      bySubject
        .get(scopeKeyOf(subject.scope))
        ?.push({ ruleId: rule.ruleId, scope, compiled: entry.compiled, applicableTo: entry.applicableTo });
    }
  }
  return bySubject;
}

/** The validation rules assigned to the voucher and to its campaign, compiled (once per change). */
export async function loadVoucherRules(store: ProjectStore, voucher: LoadedVoucher): Promise<AssignedDefinition[]> {
  const subject = voucherSubject(voucher);
  return (await loadSubjectRules(store, [subject])).get(scopeKeyOf(subject.scope)) ?? [];
}
