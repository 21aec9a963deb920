import type { ValidationRuleAssignment } from '../../domain/rules/validation-rule.js';
import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';

/** Assigns each rule to the tier in the open transaction; a rule it already has stays as it was. */
export async function assignTierRules(
  ctx: Pick<ProjectContext, 'ids' | 'clock'>,
  store: ProjectStore,
  tierId: string,
  ruleIds: readonly string[],
): Promise<void> {
  const now = ctx.clock.now().toISOString();
  for (const ruleId of ruleIds) {
    await store.validationRuleAssignments.insert({
      id: ctx.ids.newId('asgm_'),
      rule_id: ruleId,
      related_object_type: 'promotion_tier',
      related_object_id: tierId,
      created_at: now,
    });
  }
}

/** Makes the tier's rules exactly these; kept assignments keep their ids. */
export async function replaceTierRules(
  ctx: Pick<ProjectContext, 'ids' | 'clock'>,
  store: ProjectStore,
  tierId: string,
  ruleIds: readonly string[],
): Promise<void> {
  await store.validationRuleAssignments.deleteForObject('promotion_tier', tierId, ruleIds);
  await assignTierRules(ctx, store, tierId, ruleIds);
}

/** The assignments of a page of tiers by tier id, in one query. */
export async function loadTierAssignments(
  store: ProjectStore,
  tierIds: readonly string[],
): Promise<Map<string, ValidationRuleAssignment[]>> {
  const byTier = new Map<string, ValidationRuleAssignment[]>();
  if (tierIds.length === 0) return byTier;
  for (const assignment of await store.validationRuleAssignments.listForObjects('promotion_tier', tierIds)) {
    const list = byTier.get(assignment.related_object_id) ?? [];
    list.push(assignment);
    byTier.set(assignment.related_object_id, list);
  }
  return byTier;
}
