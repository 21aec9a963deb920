import type { RelatedObjectType, ValidationRuleAssignment } from '../../domain/rules/validation-rule.js';
import type { ProjectStore } from '../ports.js';
import type { QualifiedEntry } from './qualification-request.js';

/**
 * The validation rule assignments behind each listed redeemable (`expand: ["validation_rules"]`):
 * those to the redeemable itself and to its campaign, read for the page only, one query per kind
 * of object. Keyed by `object:id` of the redeemable.
 */
export async function loadPageAssignments(
  store: ProjectStore,
  entries: readonly QualifiedEntry[],
): Promise<Map<string, ValidationRuleAssignment[]>> {
  const idsByType = new Map<RelatedObjectType, Set<string>>();
  for (const entry of entries) {
    for (const { scope } of entry.definitions) {
      const ids = idsByType.get(scope.type) ?? new Set<string>();
      ids.add(scope.id);
      idsByType.set(scope.type, ids);
    }
  }
  const found: ValidationRuleAssignment[] = [];
  for (const [type, ids] of idsByType)
    found.push(...(await store.validationRuleAssignments.listForObjects(type, [...ids])));
  const byEntry = new Map<string, ValidationRuleAssignment[]>();
  for (const entry of entries) {
    const wanted = new Set(entry.definitions.map(({ ruleId, scope }) => `${ruleId}|${scope.type}|${scope.id}`));
    byEntry.set(
      `${entry.object}:${entry.id}`,
      found.filter((a) => wanted.has(`${a.rule_id}|${a.related_object_type}|${a.related_object_id}`)),
    );
  }
  return byEntry;
}
