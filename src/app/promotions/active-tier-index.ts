import { LRUCache } from 'lru-cache';
import type { Campaign } from '../../domain/campaigns/campaign.js';
import type { PromotionTier } from '../../domain/promotions/promotion-tier.js';
import type { AssignedDefinition } from '../../domain/rules/check-assigned-rules.js';
import { scopeKeyOf } from '../../domain/rules/check-assigned-rules.js';
import type { ProjectStore } from '../ports.js';
import { loadSubjectRules, type RuleSubject } from '../redemptions/rule-subjects.js';

/** A switched-on tier of a live, switched-on PROMOTION campaign, with the compiled rules of both. */
export interface IndexedTier {
  readonly tier: PromotionTier;
  readonly campaign: Campaign;
  readonly subject: RuleSubject;
  readonly definitions: readonly AssignedDefinition[];
  /** Start and expiration of the tier and its campaign as instants, parsed once per build. */
  readonly opensAt: number;
  readonly closesAt: number;
}

/**
 * What one process holds of a project's promotions at one version of the project's promotion
 * index (promotion-index-repository.ts). Dates are not applied: time moves and the index does not
 * expire, so lookups filter by their own `now`. The tiers' redemption counters (`summary`) are as
 * of the build and must not be read from here.
 */
export interface ActiveTierIndex {
  readonly version: number;
  /** Newest tier first. */
  readonly tiers: readonly IndexedTier[];
}

/** Projects whose index a process keeps; the least recently used go first. */
const MAX_PROJECTS = 500;

/** The newest index each project's requests have seen in this process. */
const indexes = new LRUCache<string, ActiveTierIndex>({ max: MAX_PROJECTS });

/** The build under way per project, shared by every request that needs that version or an older one. */
const builds = new Map<string, { version: number; done: Promise<ActiveTierIndex> }>();

function instantOf(date: string | null, otherwise: number): number {
  return date === null ? otherwise : Date.parse(date);
}

/** Reads everything at or after `version` (read before), so the index is never older than its label. */
async function buildIndex(store: ProjectStore, version: number): Promise<ActiveTierIndex> {
  const switchedOn = await store.promotionIndex.listSwitchedOnTiers();
  const subjects: RuleSubject[] = switchedOn.map(({ tier }) => ({
    scope: { type: 'promotion_tier', id: tier.id },
    campaignId: tier.campaign_id,
  }));
  const rulesBySubject = await loadSubjectRules(store, subjects);
  const tiers = switchedOn.map(({ tier, campaign }, index): IndexedTier => {
    const subject = subjects[index] as RuleSubject;
    return {
      tier,
      campaign,
      subject,
      definitions: rulesBySubject.get(scopeKeyOf(subject.scope)) ?? [],
      opensAt: Math.max(instantOf(tier.start_date, -Infinity), instantOf(campaign.start_date, -Infinity)),
      closesAt: Math.min(instantOf(tier.expiration_date, Infinity), instantOf(campaign.expiration_date, Infinity)),
    };
  });
  return { version, tiers };
}

/** Keeps the newer of the index held and the one just built: a slow build never replaces a newer one. */
function install(projectId: string, built: ActiveTierIndex): ActiveTierIndex {
  const held = indexes.get(projectId);
  if (held && held.version >= built.version) return held;
  indexes.set(projectId, built);
  return built;
}

/**
 * The project's index as of this request: one primary-key read of the version, and a rebuild only
 * when another write (in this process or any other) has raised it since the held index was built.
 * Concurrent requests that find the index stale share one build.
 *
 * The build reads through `store`; call this outside a transaction that writes promotions, whose
 * uncommitted changes would otherwise be indexed under a version that may roll back.
 */
export async function activeTierIndexOf(store: ProjectStore): Promise<ActiveTierIndex> {
  const projectId = store.projectId;
  const version = await store.promotionIndex.readVersion();
  const held = indexes.get(projectId);
  // A held index at a later version than the one read was built from data at least as new.
  if (held && held.version >= version) return held;
  const pending = builds.get(projectId);
  if (pending && pending.version >= version) return pending.done;
  const done = buildIndex(store, version).then((built) => install(projectId, built));
  const entry = { version, done };
  builds.set(projectId, entry);
  const forget = () => {
    if (builds.get(projectId) === entry) builds.delete(projectId);
  };
  done.then(forget, forget);
  return done;
}

/** The tiers of the index open at `now` by their start and expiration dates and their campaigns'. */
export function tiersOpenAt(index: ActiveTierIndex, now: Date): IndexedTier[] {
  const at = now.getTime();
  return index.tiers.filter((entry) => entry.opensAt <= at && at <= entry.closesAt);
}
