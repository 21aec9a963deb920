import type { Customer } from '../../domain/customers/customer.js';
import { startCalculation } from '../../domain/discounts/calculated-order.js';
import { AppError, invalidPayload } from '../../domain/errors.js';
import type { Order } from '../../domain/orders/order.js';
import { filterRedeemables } from '../../domain/qualifications/filter-redeemables.js';
import {
  DEFAULT_QUALIFICATION_LIMIT,
  MAX_QUALIFICATION_LIMIT,
  pageRedeemables,
  type RedeemablesPage,
} from '../../domain/qualifications/page-redeemables.js';
import { type CursorKey, decodeCursor } from '../../domain/qualifications/qualification-cursor.js';
import type { QualificationScenario } from '../../domain/qualifications/qualified-redeemable.js';
import { planScenario } from '../../domain/qualifications/scenario-plan.js';
import { sortRedeemables } from '../../domain/qualifications/sort-redeemables.js';
import { type AssignedDefinition, scopeKeyOf } from '../../domain/rules/check-assigned-rules.js';
import type { ProjectContext } from '../context.js';
import { storeRequestCustomer } from '../customers/request-customer.js';
import { type ActiveTier, loadActiveTiers } from '../promotions/active-tiers.js';
import type { LoadedVoucher } from '../redemptions/load-voucher.js';
import { previewOrder } from '../redemptions/request-order.js';
import { loadSubjectRules, voucherSubject } from '../redemptions/rule-subjects.js';
import { openRuleFactsSession, type VoucherRulesCheck } from '../redemptions/voucher-rules.js';
import { getProjectStackingRules, type ProjectStackingRules } from '../stacking/stacking-rules-queries.js';
import type { WritePolicy } from '../write-policy.js';
import { loadCampaignCandidates, qualifyCampaign } from './audience-campaigns.js';
import { keepAboutProducts } from './product-scenarios.js';
import type { QualificationRequest, QualifiedEntry } from './qualification-request.js';
import {
  priceEntries,
  type QualificationFacts,
  qualifyStack,
  qualifyTier,
  qualifyTierAtOnce,
  qualifyVoucher,
} from './qualify-redeemables.js';
import { judgedDefinitions, judgedTiers } from './scenario-rules.js';
import { findSpendMoreHints, type SpendMoreHint } from './spend-more-hints.js';
import { CampaignCategoryCache, loadWalletVouchers } from './wallet-vouchers.js';

/**
 * Who asks. A server-side key sees the customer's wallet; a client-side key is public and anyone
 * can name any customer by source_id, so it never lists the codes a customer holds (they are
 * bearer secrets) and never rewrites the stored customer (`create_only`).
 */
export interface QualificationCaller {
  writes: WritePolicy;
  wallet: boolean;
}

export interface Qualification {
  customer: Customer | null;
  order: Order | null;
  page: RedeemablesPage<QualifiedEntry>;
  spendMore: SpendMoreHint[];
  stackingRules: ProjectStackingRules;
}

/** Refuses what this server cannot answer truthfully, before anything is read or written. */
function checkRequest(request: QualificationRequest): { scenario: QualificationScenario; cursor: CursorKey | null } {
  if (request.session) {
    throw new AppError('missing_required_feature', { details: 'Qualification sessions are not supported yet' });
  }
  const scenario = request.scenario ?? 'ALL';
  const after = request.options?.starting_after;
  // Voucherify's own guide sends the string "null" for "no cursor".
  if (!after || after === 'null') return { scenario, cursor: null };
  const cursor = decodeCursor(after);
  if (!cursor) throw invalidPayload('Property .options.starting_after should be a date-time');
  return { scenario, cursor };
}

/** The rules of the customer's codes, by code: one lookup with the tiers' already loaded. */
async function walletRules(
  ctx: ProjectContext,
  wallet: readonly LoadedVoucher[],
): Promise<Map<string, AssignedDefinition[]>> {
  if (wallet.length === 0) return new Map();
  return loadSubjectRules(ctx.store, wallet.map(voucherSubject));
}

/** The PROMOTION_STACKS scenario: every stack of the live promotions whose tiers all qualify. */
async function qualifyStacks(
  facts: QualificationFacts,
  active: readonly ActiveTier[],
  tiers: readonly QualifiedEntry[],
): Promise<QualifiedEntry[]> {
  const byId = new Map(tiers.map((entry) => [entry.id, entry]));
  const campaigns = new Map(active.map(({ campaign }) => [campaign.id, campaign]));
  const stacks: QualifiedEntry[] = [];
  for (const campaign of campaigns.values()) {
    for (const stack of await facts.store.promotionStacks.listForCampaign(campaign.id)) {
      const entry = await qualifyStack(facts, stack, campaign, byId);
      if (entry) stacks.push(entry);
    }
  }
  return stacks;
}

/**
 * POST /qualifications: what this customer can get on this cart. The scenario (scenario-plan.ts)
 * picks the sources (the codes the customer holds, the promotion tiers usable now, the promotion
 * stacks, the campaigns whose codes the customer could be given) and which rules are judged (all,
 * the customer's only, or all but the customer's). Each source is judged alone, as a validation
 * judges it: validity, uses left, the rules against facts prepared once for the whole request,
 * then the discount it alone gives; the product scenarios then keep what is about the cart's
 * products. The answer is filtered, sorted and paged as the options say, with (ALL) the tiers the
 * cart misses only by its amount as spend-more hints. Nothing is counted or stored except the
 * customer the request names, as a validation does.
 */
export async function checkEligibility(
  ctx: ProjectContext,
  request: QualificationRequest,
  caller: QualificationCaller = { writes: 'upsert', wallet: true },
): Promise<Qualification> {
  const { writes } = caller;
  const { scenario, cursor } = checkRequest(request);
  if (scenario === 'CUSTOMER_WALLET' && !caller.wallet) {
    throw new AppError('forbidden', {
      details: "A client-side key cannot list a customer's codes: nothing proves the caller is that customer",
    });
  }
  const plan = planScenario(scenario);
  const { store } = ctx;
  const now = ctx.clock.now();
  const order = request.order ? await previewOrder(store, ctx.clock, ctx.ids, request.order) : null;
  const named = request.customer ? await storeRequestCustomer(ctx, request.customer, writes) : null;
  const customer = named?.customer ?? null;
  const judged = named?.judged ?? null;
  const pricedOrder = order && customer && !order.customer_id ? { ...order, customer_id: customer.id } : order;

  const cache = new CampaignCategoryCache(store);
  const wallet = caller.wallet && plan.wallet && customer ? await loadWalletVouchers(store, cache, customer.id) : [];
  const timezone = ctx.project.settings.timezone;
  // Every usable tier, not only the newest 150 the legacy validation looks at: the question is what the cart can get.
  const loadedTiers = plan.tiers || plan.stacks ? await loadActiveTiers(store, now, { timezone }) : [];
  const active = judgedTiers(loadedTiers, plan.judges);
  const campaigns = plan.campaigns ? await loadCampaignCandidates(store, now, timezone, customer?.id ?? null) : [];
  const rulesOfWallet = await walletRules(ctx, wallet);
  const definitionsOf = (voucher: LoadedVoucher) =>
    judgedDefinitions(rulesOfWallet.get(scopeKeyOf(voucherSubject(voucher).scope)) ?? [], plan.judges);
  const campaignRules = campaigns.map((candidate) => ({
    ...candidate,
    definitions: judgedDefinitions(candidate.definitions, plan.judges),
  }));
  const session = await openRuleFactsSession(
    store,
    ctx.clock,
    timezone,
    [
      ...active.flatMap((entry) => entry.definitions),
      ...wallet.flatMap(definitionsOf),
      ...campaignRules.flatMap((candidate) => candidate.definitions),
    ],
    {
      order: pricedOrder,
      customer: judged,
      metadata: request.metadata ?? null,
      lockCounts: false,
      // Other shoppers' reserved uses are as good as taken: a limit they fill hides the voucher here too.
      reservations: { now: now.toISOString(), exceptKey: null },
    },
  );
  const started = pricedOrder ? startCalculation(pricedOrder) : null;
  const facts: QualificationFacts = { store, session, cache, now, timezone, order: pricedOrder, started };

  const options = request.options ?? {};
  const rule = options.sorting_rule ?? 'DEFAULT';
  // Newest first, the page does not depend on the discounts: only the page shown is priced.
  const priceAll = rule !== 'DEFAULT' || scenario === 'PROMOTION_STACKS';
  let candidates: QualifiedEntry[] = [];
  for (const voucher of wallet) {
    const entry = await qualifyVoucher(facts, voucher, definitionsOf(voucher), priceAll);
    if (entry) candidates.push(entry);
  }
  const tiers: QualifiedEntry[] = [];
  const missed: { active: ActiveTier; rules: VoucherRulesCheck }[] = [];
  for (const tier of active) {
    const outcome = qualifyTierAtOnce(facts, tier, priceAll) ?? (await qualifyTier(facts, tier, priceAll));
    if (outcome.qualified) tiers.push(outcome.entry);
    else missed.push({ active: tier, rules: outcome.rules });
  }
  if (plan.stacks) candidates.push(...(await qualifyStacks(facts, active, tiers)));
  if (plan.tiers) candidates.push(...tiers);
  for (const candidate of campaignRules) {
    const entry = await qualifyCampaign(facts, candidate);
    if (entry) candidates.push(entry);
  }
  if (plan.products) candidates = keepAboutProducts(facts, candidates, plan.products);

  const sorted = sortRedeemables(filterRedeemables(candidates, options.filters), rule);
  const limit = Math.min(options.limit ?? DEFAULT_QUALIFICATION_LIMIT, MAX_QUALIFICATION_LIMIT);
  const page = pageRedeemables(sorted, { limit, cursor, rule });
  return {
    customer,
    order: pricedOrder,
    page: priceAll ? page : { ...page, data: await priceEntries(facts, page.data) },
    spendMore: plan.spendMore ? await findSpendMoreHints(facts, missed) : [],
    stackingRules: await getProjectStackingRules(store),
  };
}
