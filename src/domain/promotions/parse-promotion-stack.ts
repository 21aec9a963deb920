import { invalidPayload, notFound } from '../errors.js';
import { HIERARCHY_MODES, type HierarchyMode, MAX_TIERS_PER_STACK } from './promotion-stack.js';

export const MAX_STACK_NAME = 500;

/** Checked changes to a stack; an absent field stays as it is. */
export interface StackChanges {
  name?: string;
  tier_ids?: string[];
  hierarchy_mode?: HierarchyMode;
}

function fail(path: string, problem: string): never {
  throw invalidPayload(`Property ${path} ${problem}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readName(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') fail('.name', 'should be a non-empty string');
  if (value.length > MAX_STACK_NAME) fail('.name', `should not be longer than ${MAX_STACK_NAME} characters`);
  return value;
}

/** The tiers in the order they apply: each once, since a tier applies once per order. */
function readTierIds(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_TIERS_PER_STACK) {
    fail('.tiers.ids', `should be an array of 1 to ${MAX_TIERS_PER_STACK} promotion tier ids`);
  }
  const ids: string[] = [];
  value.forEach((id: unknown, index) => {
    if (typeof id !== 'string' || id === '') fail(`.tiers.ids[${index}]`, 'should be a non-empty string');
    if (ids.includes(id)) fail(`.tiers.ids[${index}]`, `repeats promotion tier ${id}`);
    ids.push(id);
  });
  return ids;
}

function readTiers(value: unknown, changes: StackChanges): void {
  if (!isObject(value)) fail('.tiers', 'should be an object');
  if (value.ids !== undefined && value.ids !== null) changes.tier_ids = readTierIds(value.ids);
  if (value.hierarchy_mode !== undefined && value.hierarchy_mode !== null) {
    if (!HIERARCHY_MODES.includes(value.hierarchy_mode as HierarchyMode)) {
      fail('.tiers.hierarchy_mode', `should be one of ${HIERARCHY_MODES.join(', ')}`);
    }
    changes.hierarchy_mode = value.hierarchy_mode as HierarchyMode;
  }
}

/**
 * A stack's fields as a client sent them, checked. A new stack needs a name and `tiers.ids`; an
 * update changes what it sends.
 */
export function parseStackChanges(raw: Readonly<Record<string, unknown>>, mode: 'create' | 'update'): StackChanges {
  const changes: StackChanges = {};
  if (raw.name !== undefined && raw.name !== null) changes.name = readName(raw.name);
  if (raw.tiers !== undefined && raw.tiers !== null) readTiers(raw.tiers, changes);
  if (mode === 'create') {
    if (changes.name === undefined) fail('.', "should have required property 'name'");
    if (changes.tier_ids === undefined) fail('.tiers', "should have required property 'ids'");
  }
  return changes;
}

/**
 * Every tier of a stack must exist and belong to the stack's campaign. `campaignOfTier` maps the
 * ids that exist to their campaign ids.
 */
export function assertStackTiers(
  tierIds: readonly string[],
  campaignOfTier: ReadonlyMap<string, string>,
  campaignId: string,
): void {
  tierIds.forEach((id, index) => {
    const owner = campaignOfTier.get(id);
    if (owner === undefined) throw notFound('promotion_tier', id);
    if (owner !== campaignId) {
      fail(`.tiers.ids[${index}]`, `names promotion tier ${id} of another campaign; a stack holds tiers of its own`);
    }
  });
}
