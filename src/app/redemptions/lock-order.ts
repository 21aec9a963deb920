import { type RuleScope, scopeKeyOf } from '../../domain/rules/check-assigned-rules.js';
import type { ProjectStore } from '../ports.js';

/**
 * The one order in which every redemption, rollback and reservation takes row locks: the
 * customer first (redemption-customer.ts), then vouchers, then promotion tiers, then campaigns,
 * each kind by id. A transaction that follows it can wait for another, never deadlock with it:
 * a voucher's use and gift credits move before its campaign's totals, a tier's summary before its
 * campaign's, and a rule that counts a campaign locks the redeemed object before the campaign.
 */
const RANK: Record<RuleScope['type'], number> = { voucher: 0, promotion_tier: 1, campaign: 2 };

export function inLockOrder(scopes: Iterable<RuleScope>): RuleScope[] {
  const unique = new Map<string, RuleScope>();
  for (const scope of scopes) unique.set(scopeKeyOf(scope), scope);
  return [...unique.values()].sort((a, b) => RANK[a.type] - RANK[b.type] || a.id.localeCompare(b.id));
}

/** Locks the scopes' rows in the one order (a no-op where the dialect has no row locks). */
export async function lockInOrder(store: ProjectStore, scopes: Iterable<RuleScope>): Promise<void> {
  for (const scope of inLockOrder(scopes)) await store.ruleCounters.lockScope(scope);
}
