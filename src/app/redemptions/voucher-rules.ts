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
import type { ReservedCountQuery, ReservedUses } from '../repositories/validation-session-repository.js';
import type { ReservationsInForce } from '../repositories/voucher-repository.js';
import { collectionsOfLine, loadCollectionMembers } from './collection-members.js';
import type { LoadedVoucher } from './load-voucher.js';
import { inLockOrder, lockInOrder } from './lock-order.js';
import { type RuleSubject, voucherSubject } from './rule-subjects.js';

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
  /**
   * Validation sessions' reservations count as uses: with this, every count adds the live
   * reservations of other sessions within its scope (a reserved use is as good as taken).
   */
  reservations?: ReservationsInForce;
}

const NO_RULES: VoucherRulesCheck = {
  outcome: { passed: true, applicableTo: null },
  targets: NO_TARGETS,
  applicableTo: null,
};

/** The campaign a campaign-wide counter counts: the scope's, else the subject's campaign. */
function campaignScopeOf(scope: RuleScope, subject: RuleSubject): RuleScope | null {
  if (scope.type === 'campaign') return scope;
  return subject.campaignId !== null ? { type: 'campaign', id: subject.campaignId } : null;
}

/**
 * Scopes whose counts can change under a concurrent redemption that holds no lock this one takes,
 * in the one lock order (lock-order.ts). The redeemed object itself comes first whenever anything is
 * counted: the redemption writes it later anyway, and locking a campaign before it would invert the
 * order its campaign-totals write keeps. A customer's own count needs none here: the redemption
 * locked the customer first, and so does every other one of theirs.
 */
export function countedScopes(definitions: readonly AssignedDefinition[], subject: RuleSubject): RuleScope[] {
  const scopes: RuleScope[] = [];
  for (const { compiled, scope } of definitions) {
    const counters = compiled.requiredFacts.counters;
    const campaignWide = counters.some((c) => c === 'campaignRedemptionsCount' || c === 'campaignOrdersAmount');
    const campaign = campaignWide ? campaignScopeOf(scope, subject) : null;
    if (campaign) scopes.push(campaign);
    if (counters.some((c) => c === 'dailyRedemptionsCount' || c === 'monthlyRedemptionsCount')) scopes.push(scope);
  }
  return scopes.length === 0 ? [] : inLockOrder([subject.scope, ...scopes]);
}

const NONE_RESERVED: ReservedUses = { uses: 0, ordersAmount: 0 };

/**
 * The live reservations of other sessions within a scope (read once per scope and customer), or
 * none where the request does not count them. A reservation made yesterday that is redeemed today
 * counts today: every live one counts in the current day and month.
 */
function reservedCounter(store: ProjectStore, reservations: ReservationsInForce | undefined) {
  const read = new Map<string, Promise<ReservedUses>>();
  return (scope: RuleScope, customerId?: string): Promise<ReservedUses> => {
    if (!reservations) return Promise.resolve(NONE_RESERVED);
    const key = `${scopeKeyOf(scope)}/${customerId ?? ''}`;
    let reserved = read.get(key);
    if (!reserved) {
      const query: ReservedCountQuery = { scope, now: reservations.now, exceptKey: reservations.exceptKey };
      reserved = store.validationSessions.countReserved(customerId === undefined ? query : { ...query, customerId });
      read.set(key, reserved);
    }
    return reserved;
  };
}

async function countersOf(
  store: ProjectStore,
  scope: RuleScope,
  needed: readonly RuleCounter[],
  subject: RuleSubject,
  request: RuleRequestFacts,
  now: Date,
  timezone: string,
): Promise<RuleCounters> {
  const counters: RuleCounters = {};
  const periods = countingPeriodsAt(now, timezone);
  const campaign = campaignScopeOf(scope, subject);
  const customerId = request.customer?.id ?? null;
  const reserved = reservedCounter(store, request.reservations);
  const campaignTotals = async (id: string) => {
    const totals = await store.ruleCounters.campaignTotals(id);
    const held = await reserved({ type: 'campaign', id });
    return { redemptions: totals.redemptions + held.uses, ordersAmount: totals.ordersAmount + held.ordersAmount };
  };
  const redemptions = async (since?: string) =>
    (await store.ruleCounters.countRedemptions(since === undefined ? { scope } : { scope, since })) +
    (await reserved(scope)).uses;
  for (const counter of needed) {
    switch (counter) {
      case 'customerRedemptionsCount':
        if (customerId !== null) {
          counters[counter] =
            (await store.ruleCounters.countRedemptions({ scope, customerId })) +
            (await reserved(scope, customerId)).uses;
        }
        break;
      case 'dailyRedemptionsCount':
        counters[counter] = await redemptions(periods.dayStart);
        break;
      case 'monthlyRedemptionsCount':
        counters[counter] = await redemptions(periods.monthStart);
        break;
      case 'campaignRedemptionsCount':
        if (campaign) counters[counter] = (await campaignTotals(campaign.id)).redemptions;
        break;
      case 'campaignOrdersAmount':
        if (campaign) counters[counter] = (await campaignTotals(campaign.id)).ordersAmount;
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
  subject: RuleSubject,
  definitions: readonly AssignedDefinition[],
  request: RuleRequestFacts,
  now: Date,
  timezone: string,
): Promise<Map<string, RuleCounters>> {
  if (request.lockCounts) await lockInOrder(store, countedScopes(definitions, subject));
  const neededByScope = new Map<string, { scope: RuleScope; needed: Set<RuleCounter> }>();
  for (const { scope, compiled } of definitions) {
    if (compiled.requiredFacts.counters.length === 0) continue;
    const key = scopeKeyOf(scope);
    const entry = neededByScope.get(key) ?? { scope, needed: new Set<RuleCounter>() };
    for (const counter of compiled.requiredFacts.counters) entry.needed.add(counter);
    neededByScope.set(key, entry);
  }
  const countersByScope = new Map<string, RuleCounters>();
  for (const [key, { scope, needed }] of neededByScope) {
    countersByScope.set(key, await countersOf(store, scope, [...needed], subject, request, now, timezone));
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
  // Loops, not spreads: a qualification passes every active tier's definitions through here.
  const ids: string[] = [];
  for (const { compiled, applicableTo } of definitions) {
    for (const id of compiled.requiredFacts.collectionIds) ids.push(id);
    for (const entry of applicableTo.included) if (entry.object === 'products_collection') ids.push(entry.id);
    for (const entry of applicableTo.excluded) if (entry.object === 'products_collection') ids.push(entry.id);
  }
  return ids;
}

/**
 * The facts of one request that every subject's rules share: the order and customer as rules read
 * them, the members of the collections any definition names, the customer's segments when asked.
 * Loaded once, so a request checking many tiers prepares its cart once.
 */
export interface RuleFactsSession {
  now: Date;
  timezone: string;
  request: RuleRequestFacts;
  base: RuleFacts;
  members: Map<string, CollectionMembers>;
  /** The prepared facts every scope without counts shares. */
  uncounted: PreparedRuleFacts;
}

export async function openRuleFactsSession(
  store: ProjectStore,
  clock: Clock,
  timezone: string,
  definitions: readonly AssignedDefinition[],
  request: RuleRequestFacts,
): Promise<RuleFactsSession> {
  const now = clock.now();
  const items = request.order?.items ?? [];
  const collectionIds = collectionIdsOf(definitions);
  const members =
    collectionIds.length > 0 && items.length > 0
      ? await loadCollectionMembers(store, collectionIds, items)
      : new Map<string, CollectionMembers>();
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
  return { now, timezone, request, base, members, uncounted: prepareRuleFacts(base) };
}

/** Whether checking these definitions reads redemption counts (and so the store). */
export function readsCounts(definitions: readonly AssignedDefinition[]): boolean {
  return definitions.some(({ compiled }) => compiled.requiredFacts.counters.length > 0);
}

/** The outcome and the lines it lets the discount reach, with the facts of each scope given. */
function checkWithFacts(
  session: RuleFactsSession,
  definitions: readonly AssignedDefinition[],
  factsOf: (scope: RuleScope) => PreparedRuleFacts,
): VoucherRulesCheck {
  if (definitions.length === 0) return NO_RULES;
  const { request, members } = session;
  const outcome = checkAssignedRules(definitions, factsOf);
  const applicableTo = outcome.passed ? outcome.applicableTo : null;
  // Most definitions that pass name no lines: they share one answer rather than allocating one each.
  if (outcome.passed && applicableTo === null) return NO_RULES;
  const targets = applicableTo
    ? toDiscountTargets(applicableTo, (id) => members.get(id) ?? null, request.order?.items ?? [])
    : NO_TARGETS;
  return { outcome, targets, applicableTo };
}

/**
 * checkSubjectRules for definitions that read no counts (see readsCounts): nothing to read or
 * lock (countedScopes is empty), so it runs at once against the session's uncounted facts, which
 * every scope shares. A request checking a thousand tiers awaits nothing for them.
 */
export function checkUncountedRules(
  session: RuleFactsSession,
  definitions: readonly AssignedDefinition[],
): VoucherRulesCheck {
  return checkWithFacts(session, definitions, () => session.uncounted);
}

/**
 * Checks one subject's rules against the session's facts: loads the counts its counting rules
 * read (locking their scopes first when the request locks), evaluates, and resolves the lines the
 * discount may reach. Without a subject (a rule checked on its own) nothing is counted.
 */
export async function checkSubjectRules(
  store: ProjectStore,
  session: RuleFactsSession,
  subject: RuleSubject | null,
  definitions: readonly AssignedDefinition[],
): Promise<VoucherRulesCheck> {
  if (subject === null || !readsCounts(definitions)) return checkUncountedRules(session, definitions);
  return checkWithFacts(session, definitions, await countedFactsOf(store, session, subject, definitions));
}

/** The facts of each scope of one subject: its counts (read, and locked when the request locks) on the session's. */
async function countedFactsOf(
  store: ProjectStore,
  session: RuleFactsSession,
  subject: RuleSubject,
  definitions: readonly AssignedDefinition[],
): Promise<(scope: RuleScope) => PreparedRuleFacts> {
  const { request, now, timezone } = session;
  const countersByScope = await loadCounters(store, subject, definitions, request, now, timezone);
  // Counts are read per subject (and under its locks): facts with counts serve this subject only.
  const counted = new Map<string, PreparedRuleFacts>();
  return (scope: RuleScope): PreparedRuleFacts => {
    const key = scopeKeyOf(scope);
    const counters = countersByScope.get(key);
    if (!counters) return session.uncounted;
    let facts = counted.get(key);
    if (!facts) {
      facts = prepareRuleFacts({ ...session.base, counters });
      counted.set(key, facts);
    }
    return facts;
  };
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
  const session = await openRuleFactsSession(store, clock, timezone, definitions, request);
  return checkSubjectRules(store, session, voucher ? voucherSubject(voucher) : null, definitions);
}
