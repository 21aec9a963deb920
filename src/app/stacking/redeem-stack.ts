import type { Customer } from '../../domain/customers/customer.js';
import type { CalculatedOrder } from '../../domain/discounts/calculated-order.js';
import { AppError } from '../../domain/errors.js';
import type { ChannelType, Redemption } from '../../domain/redemptions/redemption.js';
import { type AppliedStep, applyStack, type StackOutcome } from '../../domain/stacking/apply-stack.js';
import type { StackingRules } from '../../domain/stacking/stacking-rules.js';
import type { ProjectContext } from '../context.js';
import { upsertCustomer } from '../customers/upsert-customer.js';
import { recordEvent } from '../events/record-event.js';
import { spentCardOf } from '../gift-cards/gift-request.js';
import {
  recordGiftSpend,
  returnGiftCredits,
  type SpentCard,
  takeGiftCredits,
} from '../gift-cards/spend-gift-credits.js';
import { checkMetadata } from '../metadata-schemas/check-metadata.js';
import { earlierOrderRedemptions } from '../orders/earlier-order-redemptions.js';
import { type PreparedOrder, saveOrder } from '../orders/upsert-order.js';
import type { ProjectStore } from '../ports.js';
import { presentTier } from '../promotions/redeem-promotion-tier.js';
import { type Answer, runIdempotently } from '../redemptions/idempotent.js';
import { embeddedVoucher } from '../redemptions/redeem-voucher.js';
import { lockRedemptionCustomer } from '../redemptions/redemption-customer.js';
import { newRedemption, type RedemptionSubject } from '../redemptions/redemption-records.js';
import { prepareRequestOrder } from '../redemptions/request-order.js';
import { storeRedemption } from '../redemptions/store-redemption.js';
import type { VoucherPresenter } from '../redemptions/voucher-request.js';
import { judgeStackReferrals, recordStackReferrals } from '../referrals/stack-referrals.js';
import type { GiftCounters } from '../repositories/gift-card-repository.js';
import type { ReservationsInForce } from '../repositories/voucher-repository.js';
import { toCalculatedOrderObject, withCalculatedTotals } from '../views/calculated-order-view.js';
import { toErrorObject } from '../views/error-view.js';
import { toRedemptionObject } from '../views/redemption-view.js';
import { type StackViewContext, toStackLists } from '../views/stack-view.js';
import type { WritePolicy } from '../write-policy.js';
import { type JudgedEntry, judgeStackEntries, refuseEntry } from './judge-stack-entries.js';
import type { StackEntry } from './load-stack-entries.js';
import { loadStackEntries } from './load-stack-entries.js';
import { checkStackRequest, type StackRequest } from './stack-request.js';
import { getProjectStackingRules } from './stacking-rules-queries.js';

export interface RedeemStackOptions {
  channel: { type: ChannelType; id: string | null };
  idempotencyKey?: string;
  presentVoucher: VoucherPresenter;
  /** How far the customer, order and catalog entries the request names may be written (`upsert` if absent). */
  writes?: WritePolicy;
  requestId: string;
}

interface StackAttempt {
  request: StackRequest;
  options: RedeemStackOptions;
  customer: Customer | null;
  prepared: PreparedOrder | null;
  rules: StackingRules;
}

type ApplicableStep = Extract<AppliedStep<JudgedEntry>, { status: 'APPLICABLE' }>;

function applicableSteps(outcome: StackOutcome<JudgedEntry>): ApplicableStep[] {
  return outcome.steps.filter((step): step is ApplicableStep => step.status === 'APPLICABLE');
}

function viewContext(attempt: StackAttempt): StackViewContext {
  return {
    rules: attempt.rules,
    requestId: attempt.options.requestId,
    expand: attempt.request.options?.expand ?? [],
  };
}

/** The redemption records' subject: a child names its voucher or tier, the parent only the request. */
function subjectOf(attempt: StackAttempt, entry: StackEntry | null): RedemptionSubject {
  const { customer, prepared, request, options } = attempt;
  const common = { customer, order: prepared?.order ?? null, request, channel: options.channel };
  const source = entry?.source;
  if (source?.kind === 'voucher') {
    const { stored } = source.voucher;
    return {
      ...common,
      related: { type: 'voucher', id: stored.id, campaignId: stored.campaign_id, voucherCode: stored.code },
    };
  }
  if (source?.kind === 'promotion_tier') {
    const { tier } = source;
    return {
      ...common,
      related: { type: 'promotion_tier', id: tier.id, campaignId: tier.campaign_id, voucherCode: null },
    };
  }
  // The parent's related object is itself, which `newRedemption` cannot know: the caller sets it.
  return { ...common, related: { type: 'promotion_tier', id: '', campaignId: null, voucherCode: null } };
}

function parentRedemption(ctx: ProjectContext, attempt: StackAttempt, id: string): Redemption {
  return {
    ...newRedemption(ctx, subjectOf(attempt, null), id),
    related_object_type: 'redemption',
    related_object_id: id,
  };
}

/** Gift credits a claim took from one card, by voucher id. */
interface GiftSpend {
  card: SpentCard;
  credits: number;
  counters: GiftCounters;
}

type Claim = { ok: true; spends: Map<string, GiftSpend> } | { ok: false; judged: JudgedEntry; error: AppError };

/**
 * Counts one use of every applicable voucher and takes each gift card's credits, in one order (by
 * voucher id) so parallel stacks sharing vouchers never deadlock. A voucher whose last use (or a
 * card whose credits) a parallel redemption took is answered, after everything taken here is
 * given back, for the caller to refuse or leave out.
 */
async function claimVoucherUses(
  store: ProjectStore,
  steps: readonly ApplicableStep[],
  reservations: ReservationsInForce,
): Promise<Claim> {
  const vouchers = steps
    .filter((step) => step.redeemable.entry.source.kind === 'voucher')
    .sort((a, b) => voucherIdOf(a.redeemable).localeCompare(voucherIdOf(b.redeemable)));
  const claimed: string[] = [];
  const spends = new Map<string, GiftSpend>();
  const giveBack = async () => {
    for (const id of claimed) await store.vouchers.decrementRedeemed(id);
    for (const spend of spends.values()) await returnGiftCredits(store, spend.card, spend.credits);
  };
  for (const step of vouchers) {
    const judged = step.redeemable;
    const source = judged.entry.source;
    if (source.kind !== 'voucher') continue;
    const { stored, effective } = source.voucher;
    const card = spentCardOf(source.voucher);
    const credits = step.gift_credits ?? 0;
    if (card && credits > 0) {
      const counters = await takeGiftCredits(store, card, credits, reservations);
      if (!counters) {
        await giveBack();
        return { ok: false, judged, error: new AppError('gift_amount_exceeded', { details: judged.entry.id }) };
      }
      spends.set(stored.id, { card, credits, counters });
    }
    if (await store.vouchers.incrementRedeemed(stored.id, effective.redemption_quantity, reservations)) {
      claimed.push(stored.id);
      continue;
    }
    await giveBack();
    return { ok: false, judged, error: new AppError('quantity_exceeded', { details: judged.entry.id }) };
  }
  return { ok: true, spends };
}

function voucherIdOf(judged: JudgedEntry): string {
  return judged.entry.source.kind === 'voucher' ? judged.entry.source.voucher.stored.id : '';
}

/** The order as answers show it, with the stacked redemption it carries. */
function orderObject(
  order: CalculatedOrder,
  saved: { id: string; updated_at: string | null },
  parent: Redemption,
  childIds: string[],
  earlier: Record<string, unknown>,
) {
  return toCalculatedOrderObject(
    { ...order, id: saved.id, updated_at: saved.updated_at },
    {
      ...earlier,
      [parent.id]: {
        date: parent.created_at,
        related_object_type: 'redemption',
        related_object_id: parent.id,
        stacked: childIds,
      },
    },
  );
}

/** Stores a refused stack: a failed parent naming the first reason, a failed child per known inapplicable redeemable. */
async function refuseStack(
  ctx: ProjectContext,
  store: ProjectStore,
  attempt: StackAttempt,
  outcome: StackOutcome<JudgedEntry>,
): Promise<Answer> {
  if (attempt.prepared) await saveOrder(store, attempt.prepared);
  const inapplicable = outcome.steps.filter((step) => step.status === 'INAPPLICABLE').map((step) => step.redeemable);
  const first = inapplicable[0];
  const reason =
    first?.error ?? new AppError('invalid_redeemables', { details: 'None of the redeemables applies to this order' });
  const parent = parentRedemption(ctx, attempt, ctx.ids.newId('rf_'));
  const failed = (redemption: Redemption, error: AppError): Redemption => ({
    ...redemption,
    result: 'FAILURE',
    status: 'FAILED',
    failure_code: error.key,
    failure_message: error.message,
  });
  const children: Redemption[] = [];
  for (const judged of inapplicable) {
    if (judged.entry.source.kind === 'unknown' || !judged.error) continue;
    const child = failed(newRedemption(ctx, subjectOf(attempt, judged.entry), ctx.ids.newId('rf_')), judged.error);
    child.parent_id = parent.id;
    children.push(child);
  }
  for (const child of children) await insertChild(ctx, store, child, 'redemption.failed');
  await storeRedemption(
    ctx,
    store,
    { ...failed(parent, reason), snapshot: { ...parent.snapshot, stacked: children.map((c) => c.id) } },
    'redemption.failed',
  );
  const answered = new AppError(reason.key, {
    message: reason.message,
    details: first ? first.entry.id : (reason.details ?? ''),
    resource_id: parent.id,
    resource_type: 'redemption',
  });
  return { status: answered.code, body: toErrorObject(answered, ctx.requestId ?? attempt.options.requestId) };
}

/** A child is stored with its event; the parent, stored last, refreshes the customer's segments once for all. */
async function insertChild(
  ctx: ProjectContext,
  store: ProjectStore,
  child: Redemption,
  eventType: 'redemption.succeeded' | 'redemption.failed',
): Promise<void> {
  await store.redemptions.insert(child);
  await recordEvent(ctx, store, eventType, { object: child.object, id: child.id }, child.created_at);
}

async function snapshotOf(
  store: ProjectStore,
  attempt: StackAttempt,
  judged: JudgedEntry,
  spend: GiftSpend | undefined,
  child: Redemption,
): Promise<Partial<Redemption['snapshot']>> {
  const { source } = judged.entry;
  if (source.kind === 'voucher') {
    const counters = spend ? { gift_balance: spend.counters.balance, gift_total: spend.counters.total } : {};
    const redeemed = {
      ...source.voucher,
      stored: {
        ...source.voucher.stored,
        ...counters,
        redeemed_quantity: source.voucher.stored.redeemed_quantity + 1,
      },
      effective: { ...source.voucher.effective, redeemed_quantity: source.voucher.effective.redeemed_quantity + 1 },
    };
    return { voucher: embeddedVoucher(attempt.options.presentVoucher, redeemed) };
  }
  if (source.kind === 'promotion_tier') {
    // The summary as this redemption leaves it (moveTotals writes it at the end), as a single tier redemption shows.
    const { summary } = source.tier;
    const moved = {
      ...source.tier,
      summary: {
        redeemed_quantity: summary.redeemed_quantity + 1,
        orders_total_amount: summary.orders_total_amount + (child.order_amount ?? 0),
        orders_total_discount_amount: summary.orders_total_discount_amount + child.discount_amount,
      },
    };
    return { promotion_tier: await presentTier(store, moved) };
  }
  return {};
}

/** Moves tier summaries (by tier id), then campaign totals (by campaign id): the one lock order (lock-order.ts). */
async function moveTotals(store: ProjectStore, children: readonly Redemption[]): Promise<void> {
  const tiers = [...children]
    .filter((c) => c.related_object_type === 'promotion_tier')
    .sort((a, b) => (a.related_object_id ?? '').localeCompare(b.related_object_id ?? ''));
  for (const child of tiers) {
    await store.promotionTiers.addToSummary(child.related_object_id as string, {
      redeemed_quantity: 1,
      orders_total_amount: child.order_amount ?? 0,
      orders_total_discount_amount: child.discount_amount,
    });
  }
  const byCampaign = [...children]
    .filter((c) => c.campaign_id)
    .sort((a, b) => (a.campaign_id ?? '').localeCompare(b.campaign_id ?? ''));
  for (const child of byCampaign) {
    await store.ruleCounters.moveCampaignTotals(child.campaign_id as string, 1, child.order_amount ?? 0);
  }
}

async function recordStack(
  ctx: ProjectContext,
  store: ProjectStore,
  attempt: StackAttempt,
  outcome: StackOutcome<JudgedEntry>,
  sessionKey: string | null,
  spends: ReadonlyMap<string, GiftSpend>,
): Promise<Answer> {
  const steps = applicableSteps(outcome);
  if (sessionKey) {
    const now = ctx.clock.now().toISOString();
    for (const { redeemable } of steps) {
      const { source } = redeemable.entry;
      if (source.kind === 'voucher') await store.validationSessions.release(source.voucher.stored.id, sessionKey, now);
    }
  }
  const parent = parentRedemption(ctx, attempt, ctx.ids.newId('r_'));
  parent.session_key = sessionKey;
  const children = steps.map((step) => {
    const child = newRedemption(ctx, subjectOf(attempt, step.redeemable.entry), ctx.ids.newId('r_'));
    child.parent_id = parent.id;
    child.discount_amount = step.discount_amount;
    child.amount = step.gift_credits ?? 0;
    child.session_key = sessionKey;
    return child;
  });
  const childIds = children.map((child) => child.id);
  let orderAnswer: Record<string, unknown> | null = null;
  if (attempt.prepared && outcome.order) {
    const final = outcome.order;
    const saved = await saveOrder(store, {
      ...attempt.prepared,
      order: withCalculatedTotals(attempt.prepared.order, final),
    });
    const earlier = await earlierOrderRedemptions(store, attempt.prepared, saved.id);
    orderAnswer = orderObject(final, saved, parent, childIds, earlier);
    for (const redemption of [parent, ...children]) {
      redemption.order_id = saved.id;
      redemption.order_amount = final.amount;
    }
    parent.discount_amount = final.total_applied_discount_amount;
    parent.snapshot.order = orderAnswer;
    steps.forEach((step, k) => {
      const child = children[k] as Redemption;
      if (step.order) child.snapshot.order = orderObject(step.order, saved, parent, childIds, earlier);
    });
  }
  const redeemed = steps.map((step) => step.redeemable);
  await recordStackReferrals(ctx, store, attempt.customer, redeemed, children);
  for (const [k, step] of steps.entries()) {
    const child = children[k] as Redemption;
    const spend = spends.get(voucherIdOf(step.redeemable));
    Object.assign(child.snapshot, await snapshotOf(store, attempt, step.redeemable, spend, child));
    await insertChild(ctx, store, child, 'redemption.succeeded');
    if (spend) {
      const order = child.order_id
        ? { id: child.order_id, source_id: attempt.prepared?.order.source_id ?? null }
        : null;
      await recordGiftSpend(ctx, store, { ...spend, redemptionId: child.id, order });
    }
  }
  parent.snapshot.stacked = childIds;
  await storeRedemption(ctx, store, parent, 'redemption.succeeded');
  // Tier summaries and campaign totals are rows every checkout shares: written last, so their
  // locks are held for the commit only.
  await moveTotals(store, children);
  const lists = toStackLists(outcome.steps, viewContext(attempt));
  return {
    status: 200,
    body: {
      redemptions: children.map(toRedemptionObject),
      parent_redemption: toRedemptionObject(parent),
      ...(orderAnswer ? { order: orderAnswer } : {}),
      inapplicable_redeemables: lists.inapplicable_redeemables,
      skipped_redeemables: lists.skipped_redeemables,
    },
  };
}

async function redeemStackInStore(
  ctx: ProjectContext,
  store: ProjectStore,
  request: StackRequest,
  options: RedeemStackOptions,
): Promise<Answer> {
  const { rules } = await getProjectStackingRules(store);
  checkStackRequest(request, rules);
  // Metadata the project's schema refuses is bad input: a 400 before anything is written.
  await checkMetadata(store, 'redemption', request.metadata);
  // A stack naming its validation session uses the uses that session reserved.
  const reservations = { now: ctx.clock.now().toISOString(), exceptKey: request.session?.key ?? null };
  const loaded = await loadStackEntries(ctx, store, request.redeemables, reservations);
  const writes = options.writes ?? 'upsert';
  const customer = request.customer ? await upsertCustomer(store, ctx.clock, ctx.ids, request.customer, writes) : null;
  // The customer's row first, where the transaction needs it, as every redemption locks.
  const definitions = loaded.entries.flatMap((entry) => entry.definitions);
  const judgedCustomer = await lockRedemptionCustomer(store, customer, writes, definitions);
  const prepared = request.order
    ? await prepareRequestOrder(store, ctx.clock, ctx.ids, request.order, customer?.id ?? null, writes)
    : null;
  const attempt: StackAttempt = { request, options, customer, prepared, rules };
  let judged = await judgeStackEntries(ctx, store, loaded.entries, {
    order: prepared?.order ?? null,
    customer: judgedCustomer,
    metadata: request.metadata ?? null,
    lockCounts: true,
    reservations,
  });
  judged = judgeStackReferrals(judged, customer, prepared?.order ?? null);
  // Each pass either commits every use it plans, or learns that one voucher's last use went to a
  // parallel redemption, plans again without it and (in PARTIAL mode) goes on with the rest.
  for (;;) {
    const outcome = applyStack(judged, prepared?.order ?? null, loaded.categoriesById, rules);
    if (!outcome.valid) return refuseStack(ctx, store, attempt, outcome);
    const claim = await claimVoucherUses(store, applicableSteps(outcome), reservations);
    if (claim.ok) return recordStack(ctx, store, attempt, outcome, reservations.exceptKey, claim.spends);
    judged = judged.map((entry) => (entry === claim.judged ? refuseEntry(entry, claim.error) : entry));
  }
}

/**
 * POST /redemptions: redeems up to 30 vouchers and promotion tiers together on one order, as the
 * project's stacking rules combine them. Every use, counter, the order, the parent and child
 * redemptions and their events commit in one transaction; in ALL mode one inapplicable redeemable
 * refuses the whole request (stored as a failed redemption, answered 400) and counts nothing.
 */
export function redeemStack(ctx: ProjectContext, request: StackRequest, options: RedeemStackOptions): Promise<Answer> {
  return runIdempotently(ctx, { scope: 'stacked_redemption', key: options.idempotencyKey, request }, (store) =>
    redeemStackInStore(ctx, store, request, options),
  );
}
