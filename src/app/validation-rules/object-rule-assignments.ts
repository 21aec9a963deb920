import { notFound } from '../../domain/errors.js';
import type { RelatedObjectType, ValidationRuleAssignment } from '../../domain/rules/validation-rule.js';
import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';

/** The voucher, campaign or promotion tier a create or update assigns rules to. */
export interface RuleTarget {
  type: Extract<RelatedObjectType, 'voucher' | 'campaign' | 'promotion_tier'>;
  id: string;
}

/**
 * The rule ids a client sent with a voucher, campaign or tier, each once, each naming a rule of the
 * project (else a 404 naming it, before anything is written). Null and absent send none.
 */
export async function readRuleIds(store: ProjectStore, ids: readonly string[] | null | undefined): Promise<string[]> {
  const unique = [...new Set(ids ?? [])];
  for (const id of unique) {
    if (!(await store.validationRules.findById(id))) throw notFound('validation_rules', id);
  }
  return unique;
}

/** Assigns each rule to the object in the open transaction; a rule it already has stays as it was. */
export async function assignRules(
  ctx: Pick<ProjectContext, 'ids' | 'clock'>,
  store: ProjectStore,
  target: RuleTarget,
  ruleIds: readonly string[],
): Promise<void> {
  const now = ctx.clock.now().toISOString();
  for (const ruleId of ruleIds) {
    await store.validationRuleAssignments.insert({
      id: ctx.ids.newId('asgm_'),
      rule_id: ruleId,
      related_object_type: target.type,
      related_object_id: target.id,
      created_at: now,
    });
  }
}

/**
 * Makes the object's rules exactly these: the others' assignments go, the kept ones keep their
 * ids. The caller has written the object's row first in this transaction, so concurrent
 * replacements of one object's rules take turns on that row's lock.
 */
export async function replaceRules(
  ctx: Pick<ProjectContext, 'ids' | 'clock'>,
  store: ProjectStore,
  target: RuleTarget,
  ruleIds: readonly string[],
): Promise<void> {
  await store.validationRuleAssignments.deleteForObject(target.type, target.id, ruleIds);
  await assignRules(ctx, store, target, ruleIds);
}

/** The assignments of a page of objects by object id, in one query. */
export async function loadAssignments(
  store: ProjectStore,
  type: RuleTarget['type'],
  objectIds: readonly string[],
): Promise<Map<string, ValidationRuleAssignment[]>> {
  const byObject = new Map<string, ValidationRuleAssignment[]>();
  if (objectIds.length === 0) return byObject;
  for (const assignment of await store.validationRuleAssignments.listForObjects(type, objectIds)) {
    const list = byObject.get(assignment.related_object_id) ?? [];
    list.push(assignment);
    byObject.set(assignment.related_object_id, list);
  }
  return byObject;
}
