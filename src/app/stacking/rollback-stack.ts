import { AppError, notFound } from '../../domain/errors.js';
import { cancelWithDiscounts } from '../../domain/orders/cancel-discounts.js';
import type { Redemption } from '../../domain/redemptions/redemption.js';
import type { ProjectContext } from '../context.js';
import { upsertCustomer } from '../customers/upsert-customer.js';
import { recordEvent } from '../events/record-event.js';
import { refundGiftCredits } from '../gift-cards/spend-gift-credits.js';
import type { ProjectStore } from '../ports.js';
import { type Answer, runIdempotently } from '../redemptions/idempotent.js';
import { lockRollbackCustomer } from '../redemptions/redemption-customer.js';
import { type RollbackContext, rollbackRecord } from '../redemptions/redemption-records.js';
import { orderSourceId, type RollbackOptions, type RollbackRequest } from '../redemptions/rollback-redemption.js';
import { storeRedemption } from '../redemptions/store-redemption.js';
import { undoReferralOf } from '../referrals/convert-referral.js';
import { toOrderObject } from '../views/order-view.js';
import { toRedemptionObject } from '../views/redemption-view.js';
import { getProjectStackingRules } from './stacking-rules-queries.js';

/** Only a successful stacked redemption's parent is rolled back here, once. */
function checkStackRollbackable(parent: Redemption): void {
  if (parent.object !== 'redemption' || parent.result !== 'SUCCESS') {
    throw new AppError('invalid_redemption', { details: `${parent.id} is not a successful redemption` });
  }
  if (parent.related_object_type !== 'redemption') {
    throw new AppError('invalid_redemption', {
      details: `${parent.id} is not a stacked redemption; roll it back with POST /v1/redemptions/${parent.id}/rollback`,
    });
  }
  if (parent.status === 'ROLLED_BACK') throw new AppError('already_rolled_back', { details: parent.id });
}

async function loadChildren(store: ProjectStore, parent: Redemption): Promise<Redemption[]> {
  const children: Redemption[] = [];
  for (const id of parent.snapshot.stacked ?? []) {
    const child = await store.redemptions.findById(id);
    if (child && child.status === 'SUCCEEDED') children.push(child);
  }
  return children;
}

const byKey = (key: (r: Redemption) => string | null) => (a: Redemption, b: Redemption) =>
  (key(a) ?? '').localeCompare(key(b) ?? '');

/**
 * Gives every use, gift credit and total back in the one lock order (lock-order.ts): vouchers (with
 * their credits, exactly as each child took them), tiers, campaigns, each by id.
 */
async function giveBack(
  ctx: ProjectContext,
  store: ProjectStore,
  children: readonly Redemption[],
  rollbackIds: ReadonlyMap<string, string>,
): Promise<void> {
  for (const child of [...children].sort(byKey((r) => r.voucher_id))) {
    if (!child.voucher_id) continue;
    await store.vouchers.decrementRedeemed(child.voucher_id);
    if (child.amount > 0) {
      await refundGiftCredits(ctx, store, {
        card: { id: child.voucher_id, campaign_id: child.campaign_id },
        credits: child.amount,
        redemptionId: child.id,
        rollbackId: rollbackIds.get(child.id) ?? '',
        order: child.order_id ? { id: child.order_id, source_id: orderSourceId(child) } : null,
      });
    }
  }
  // Referrals the children made are undone with them, their rewards taken back once.
  for (const child of children) await undoReferralOf(ctx, store, child.id);
  const tiers = children.filter((child) => child.related_object_type === 'promotion_tier');
  for (const child of tiers.sort(byKey((r) => r.related_object_id))) {
    await store.promotionTiers.addToSummary(child.related_object_id as string, {
      redeemed_quantity: -1,
      orders_total_amount: -(child.order_amount ?? 0),
      orders_total_discount_amount: -child.discount_amount,
    });
  }
  for (const child of [...children].sort(byKey((r) => r.campaign_id))) {
    if (child.campaign_id) await store.ruleCounters.moveCampaignTotals(child.campaign_id, -1, child.order_amount ?? 0);
  }
}

/** What the parent's redemption applied to its order, read from the order it answered with. */
function appliedOf(parent: Redemption): { discount_amount: number; items: number[] } {
  const order = parent.snapshot.order as {
    applied_discount_amount?: number;
    items?: { applied_discount_amount?: number }[];
  } | null;
  return {
    discount_amount: order?.applied_discount_amount ?? 0,
    items: (order?.items ?? []).map((item) => item.applied_discount_amount ?? 0),
  };
}

async function rollbackStackInStore(
  ctx: ProjectContext,
  store: ProjectStore,
  parentId: string,
  request: RollbackRequest,
  options: RollbackOptions,
): Promise<Answer> {
  const parent = await store.redemptions.findById(parentId);
  if (!parent) throw notFound('redemption', parentId);
  checkStackRollbackable(parent);
  const { rules } = await getProjectStackingRules(store);
  // The customer first, as redemptions lock; a refused rollback undoes this write with the rest.
  const customer = request.customer ? await upsertCustomer(store, ctx.clock, ctx.ids, request.customer) : null;
  await lockRollbackCustomer(store, customer?.id ?? parent.customer_id);
  const now = ctx.clock.now().toISOString();
  const parentRollbackId = ctx.ids.newId('rr_');
  // One conditional write decides between racing rollbacks: only one gives the uses back.
  if (!(await store.redemptions.markRolledBack(parent.id, parentRollbackId, now))) {
    throw new AppError('already_rolled_back', { details: parent.id });
  }
  const children = await loadChildren(store, parent);
  const asked: RollbackContext = { request, channel: options.channel, customer, now };
  const rollbackOf = (redemption: Redemption, id: string, parentRollback: string | null) =>
    rollbackRecord(redemption, id, asked, parentRollback);
  const rollbacks: Redemption[] = [];
  const rollbackIds = new Map<string, string>();
  for (const child of children) {
    const id = ctx.ids.newId('rr_');
    await store.redemptions.markRolledBack(child.id, id, now);
    rollbacks.push(rollbackOf(child, id, parentRollbackId));
    rollbackIds.set(child.id, id);
  }
  await giveBack(ctx, store, children, rollbackIds);
  let answeredOrder = parent.order_id ? await store.orders.findById(parent.order_id) : undefined;
  if (answeredOrder && rules.redeemables_rollback_order_mode === 'WITH_ORDER') {
    answeredOrder = cancelWithDiscounts(answeredOrder, appliedOf(parent), now);
    await store.orders.update(answeredOrder);
  }
  for (const rollback of rollbacks) {
    await store.redemptions.insert(rollback);
    await recordEvent(ctx, store, 'redemption.rollback.succeeded', { object: rollback.object, id: rollback.id }, now);
  }
  const parentRollback = rollbackOf(parent, parentRollbackId, null);
  parentRollback.snapshot.stacked = rollbacks.map((rollback) => rollback.id);
  await storeRedemption(ctx, store, parentRollback, 'redemption.rollback.succeeded');
  // Read after the rollbacks are stored, so the order's redemptions show them.
  const order = answeredOrder
    ? toOrderObject(answeredOrder, await store.redemptions.listForOrders([answeredOrder.id]))
    : null;
  return {
    status: 200,
    body: {
      rollbacks: rollbacks.map(toRedemptionObject),
      parent_rollback: toRedemptionObject(parentRollback),
      ...(order ? { order } : {}),
    },
  };
}

/**
 * POST /redemptions/{parentId}/rollbacks: rolls back every redemption of a stacked redemption,
 * giving back each use and total, and (in WITH_ORDER mode) cancels the order with the discounts
 * taken off, in one transaction. A second rollback is refused with already_rolled_back.
 */
export function rollbackStack(
  ctx: ProjectContext,
  parentId: string,
  request: RollbackRequest,
  options: RollbackOptions,
): Promise<Answer> {
  return runIdempotently(
    ctx,
    { scope: 'stacked_rollback', key: options.idempotencyKey, request: { parentId, request } },
    (store) => rollbackStackInStore(ctx, store, parentId, request, options),
  );
}
