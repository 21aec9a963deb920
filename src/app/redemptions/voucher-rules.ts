import type { Customer } from '../../domain/customers/customer.js';
import { type DiscountTargets, NO_TARGETS } from '../../domain/discounts/targets.js';
import type { Metadata } from '../../domain/metadata.js';
import type { Order } from '../../domain/orders/order.js';
import { type CollectionMembers, toDiscountTargets } from '../../domain/rules/applicable-items.js';
import {
  type AssignedDefinition,
  type AssignedRulesOutcome,
  checkAssignedRules,
  type RuleScope,
  scopeKeyOf,
} from '../../domain/rules/check-assigned-rules.js';
import { countingPeriodsAt } from '../../domain/rules/counting-periods.js';
import type { ApplicableToDefinition } from '../../domain/rules/parse-applicable-to.js';
import { type PreparedRuleFacts, prepareRuleFacts } from '../../domain/rules/prepared-facts.js';
import type { RuleCounter, RuleCounters, RuleFacts } from '../../domain/rules/rule-facts.js';
import type { Clock, ProjectStore } from '../ports.js';
import { compiledRuleOf } from '../validation-rules/compiled-rule-cache.js';
import { collectionsOfLine, loadCollectionMembers } from './collection-members.js';
import type { LoadedVoucher } from './load-voucher.js';

/** What the validation rules in force decided for one request. */
export interface VoucherRulesCheck {
  outcome: AssignedRulesOutcome;
  /** The lines the rules' `applicable_to` lets the discount reach (none named: every line). */
  targets: DiscountTargets;
  applicableTo: ApplicableToDefinition | null;
}

export interface RuleRequestFacts {
  order: Order | null;
  customer: Customer | null;
  /** The redemption request's metadata. */
  metadata: Metadata | null;
  /**
   * Redemption: lock the counted scopes before counting, so the counts stay true until this
   * redemption commits and parallel ones never pass a limit together. Validation only reads.
   */
  lockCounts: boolean;
}

const NO_RULES: VoucherRulesCheck = {
  outcome: { passed: true, applicableTo: null },
  targets: NO_TARGETS,
  applicableTo: null,
};

/** The validation rules assigned to the voucher and to its campaign, compiled (once per change). */
export async function loadVoucherRules(store: ProjectStore, voucher: LoadedVoucher): Promise<AssignedDefinition[]> {
  const objectIds = voucher.campaign ? [voucher.campaign.id, voucher.stored.id] : [voucher.stored.id];
  const definitions: AssignedDefinition[] = [];
  for (const rule of await store.validationRules.findAssignedTo(objectIds)) {
    if (rule.related_object_type !== 'voucher' && rule.related_object_type !== 'campaign') continue;
    const entry = await compiledRuleOf(store, rule);
    if (!entry) continue;
    const scope: RuleScope = { type: rule.related_object_type, id: rule.related_object_id };
    definitions.push({ ruleId: rule.ruleId, scope, compiled: entry.compiled, applicableTo: entry.applicableTo });
  }
  return definitions;
}

/** The campaign a campaign-wide counter counts: the scope's, else the voucher's campaign. */
function campaignScopeOf(scope: RuleScope, voucher: LoadedVoucher): RuleScope | null {
  if (scope.type === 'campaign') return scope;
  return voucher.campaign ? { type: 'campaign', id: voucher.campaign.id } : null;
}

/**
 * Scopes whose counts can change under a concurrent redemption that holds no lock this one takes:
 * campaigns before vouchers, so every redemption locks in one order. A customer's own count needs
 * none here: the redemption locked the customer first, and so does every other one of theirs.
 */
function countedScopes(definitions: readonly AssignedDefinition[], voucher: LoadedVoucher): RuleScope[] {
  const scopes = new Map<string, RuleScope>();
  for (const { compiled, scope } of definitions) {
    const counters = compiled.requiredFacts.counters;
    const campaignWide = counters.some((c) => c === 'campaignRedemptionsCount' || c === 'campaignOrdersAmount');
    const campaign = campaignWide ? campaignScopeOf(scope, voucher) : null;
    if (campaign) scopes.set(scopeKeyOf(campaign), campaign);
    if (counters.some((c) => c === 'dailyRedemptionsCount' || c === 'monthlyRedemptionsCount')) {
      scopes.set(scopeKeyOf(scope), scope);
    }
  }
  return [...scopes.values()].sort((a, b) =>
    a.type === b.type ? a.id.localeCompare(b.id) : a.type === 'campaign' ? -1 : 1,
  );
}

async function countersOf(
  store: ProjectStore,
  scope: RuleScope,
  needed: readonly RuleCounter[],
  voucher: LoadedVoucher,
  customerId: string | null,
  now: Date,
  timezone: string,
): Promise<RuleCounters> {
  const counters: RuleCounters = {};
  const periods = countingPeriodsAt(now, timezone);
  const campaign = campaignScopeOf(scope, voucher);
  for (const counter of needed) {
    switch (counter) {
      case 'customerRedemptionsCount':
        if (customerId !== null) counters[counter] = await store.ruleCounters.countRedemptions({ scope, customerId });
        break;
      case 'dailyRedemptionsCount':
        counters[counter] = await store.ruleCounters.countRedemptions({ scope, since: periods.dayStart });
        break;
      case 'monthlyRedemptionsCount':
        counters[counter] = await store.ruleCounters.countRedemptions({ scope, since: periods.monthStart });
        break;
      case 'campaignRedemptionsCount':
        if (campaign) counters[counter] = (await store.ruleCounters.campaignTotals(campaign.id)).redemptions;
        break;
      case 'campaignOrdersAmount':
        if (campaign) counters[counter] = (await store.ruleCounters.campaignTotals(campaign.id)).ordersAmount;
        break;
    }
  }
  return counters;
}

/**
 * The counts the definitions read, by scope; with `lockCounts`, each counted scope is locked
 * first. Many definitions on one scope share its counts: each count is read once per request.
 */
async function loadCounters(
  store: ProjectStore,
  voucher: LoadedVoucher,
  definitions: readonly AssignedDefinition[],
  request: RuleRequestFacts,
  now: Date,
  timezone: string,
): Promise<Map<string, RuleCounters>> {
  if (request.lockCounts)
    for (const scope of countedScopes(definitions, voucher)) await store.ruleCounters.lockScope(scope);
  const neededByScope = new Map<string, { scope: RuleScope; needed: Set<RuleCounter> }>();
  for (const { scope, compiled } of definitions) {
    if (compiled.requiredFacts.counters.length === 0) continue;
    const key = scopeKeyOf(scope);
    const entry = neededByScope.get(key) ?? { scope, needed: new Set<RuleCounter>() };
    for (const counter of compiled.requiredFacts.counters) entry.needed.add(counter);
    neededByScope.set(key, entry);
  }
  const customerId = request.customer?.id ?? null;
  const countersByScope = new Map<string, RuleCounters>();
  for (const [key, { scope, needed }] of neededByScope) {
    countersByScope.set(key, await countersOf(store, scope, [...needed], voucher, customerId, now, timezone));
  }
  return countersByScope;
}

/** The customer's segments, read only when a definition asks (`customer.segment`). */
async function segmentIdsFor(
  store: ProjectStore,
  definitions: readonly AssignedDefinition[],
  customer: Customer,
): Promise<readonly string[]> {
  const asked = definitions.some(({ compiled }) => compiled.requiredFacts.customerSegments);
  return asked && customer.id !== '' ? store.segments.segmentIdsOfCustomer(customer.id) : [];
}

/** Collections a definition reads, in its rules or its `applicable_to`. */
function collectionIdsOf(definitions: readonly AssignedDefinition[]): string[] {
  return definitions.flatMap(({ compiled, applicableTo }) => [
    ...compiled.requiredFacts.collectionIds,
    ...[...applicableTo.included, ...applicableTo.excluded]
      .filter((entry) => entry.object === 'products_collection')
      .map((entry) => entry.id),
  ]);
}

/**
 * Checks the voucher's validation rules against the request: loads only the facts the compiled
 * rules declare (counts, collection members), evaluates them, and resolves the lines the
 * discount may reach. The voucher's own checks (active, validity, uses left) are the caller's.
 * Without a voucher (a rule checked on its own) nothing is counted: counts are unknown.
 */
export async function checkVoucherRules(
  store: ProjectStore,
  clock: Clock,
  timezone: string,
  voucher: LoadedVoucher | null,
  definitions: readonly AssignedDefinition[],
  request: RuleRequestFacts,
): Promise<VoucherRulesCheck> {
  if (definitions.length === 0) return NO_RULES;
  const now = clock.now();
  const items = request.order?.items ?? [];
  const collectionIds = collectionIdsOf(definitions);
  const members =
    collectionIds.length > 0 && items.length > 0
      ? await loadCollectionMembers(store, collectionIds, items)
      : new Map<string, CollectionMembers>();

  const countersByScope = voucher
    ? await loadCounters(store, voucher, definitions, request, now, timezone)
    : new Map<string, RuleCounters>();

  const { order, customer } = request;
  const base: RuleFacts = {
    now: now.toISOString(),
    timezone,
    order: order && {
      amount: order.amount,
      initial_amount: order.initial_amount,
      metadata: order.metadata,
      items: order.items,
    },
    customer: customer && {
      id: customer.id,
      source_id: customer.source_id,
      metadata: customer.metadata,
      segment_ids: await segmentIdsFor(store, definitions, customer),
      loyalty_tier_ids: [],
    },
    redemption: { metadata: request.metadata },
    customEvent: null,
    counters: {},
    collectionIdsOfItem: collectionsOfLine(members, items),
  };
  const prepared = new Map<string, PreparedRuleFacts>();
  const factsOf = (scope: RuleScope): PreparedRuleFacts => {
    const key = scopeKeyOf(scope);
    let facts = prepared.get(key);
    if (!facts) {
      facts = prepareRuleFacts({ ...base, counters: countersByScope.get(key) ?? {} });
      prepared.set(key, facts);
    }
    return facts;
  };

  const outcome = checkAssignedRules(definitions, factsOf);
  const applicableTo = outcome.passed ? outcome.applicableTo : null;
  const targets = applicableTo ? toDiscountTargets(applicableTo, (id) => members.get(id) ?? null, items) : NO_TARGETS;
  return { outcome, targets, applicableTo };
}
