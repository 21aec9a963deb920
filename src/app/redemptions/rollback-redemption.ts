import { AppError, notFound } from '../../domain/errors.js';
import type { Metadata } from '../../domain/metadata.js';
import type { ChannelType, Redemption } from '../../domain/redemptions/redemption.js';
import type { ProjectContext } from '../context.js';
import { type CustomerUpsert, upsertCustomer } from '../customers/upsert-customer.js';
import { refundGiftCredits } from '../gift-cards/spend-gift-credits.js';
import type { ProjectStore } from '../ports.js';
import { undoReferralOf } from '../referrals/convert-referral.js';
import { toRedemptionObject } from '../views/redemption-view.js';
import { type Answer, runIdempotently } from './idempotent.js';
import { lockRollbackCustomer } from './redemption-customer.js';
import { rollbackRecord } from './redemption-records.js';
import { storeRedemption } from './store-redemption.js';

export interface RollbackRequest {
  reason?: string | null;
  tracking_id?: string | null;
  customer?: CustomerUpsert | null;
  metadata?: Metadata | null;
}

export interface RollbackOptions {
  channel: { type: ChannelType; id: string | null };
  idempotencyKey?: string;
}

/** The source_id of the order a redemption was made with, as its snapshot shows it. */
export function orderSourceId(redemption: Redemption): string | null {
  const sourceId = redemption.snapshot.order?.source_id;
  return typeof sourceId === 'string' ? sourceId : null;
}

/** Only a successful, single (not stacked) redemption can be rolled back, once. */
function checkRollbackable(redemption: Redemption): void {
  if (redemption.object !== 'redemption' || redemption.result !== 'SUCCESS') {
    throw new AppError('invalid_redemption', { details: `${redemption.id} is not a successful redemption` });
  }
  if (redemption.related_object_type === 'redemption') {
    throw new AppError('invalid_redemption', {
      details: `${redemption.id} is a stacked redemption; roll it back with POST /v1/redemptions/${redemption.id}/rollbacks`,
    });
  }
  if (redemption.parent_id !== null) {
    throw new AppError('invalid_redemption_parent', {
      details: `${redemption.id} is part of the stacked redemption ${redemption.parent_id}; roll back that one`,
    });
  }
  if (redemption.status === 'ROLLED_BACK') {
    throw new AppError('already_rolled_back', { details: redemption.id });
  }
}

async function rollbackInStore(
  ctx: ProjectContext,
  store: ProjectStore,
  redemptionId: string,
  request: RollbackRequest,
  options: RollbackOptions,
): Promise<Answer> {
  const redemption = await store.redemptions.findById(redemptionId);
  if (!redemption) throw notFound('redemption', redemptionId);
  checkRollbackable(redemption);
  // The customer first, as a redemption takes its locks (customer, then voucher): the opposite
  // order deadlocks on PostgreSQL against a redemption of the same voucher by the same customer.
  // A refused rollback below undoes this write with the rest of the transaction.
  const customer = request.customer ? await upsertCustomer(store, ctx.clock, ctx.ids, request.customer) : null;
  await lockRollbackCustomer(store, customer?.id ?? redemption.customer_id);
  const now = ctx.clock.now().toISOString();
  const rollbackId = ctx.ids.newId('rr_');
  // The status moves by one conditional write: of two racing rollbacks only one gets here, so
  // the use is given back exactly once.
  if (!(await store.redemptions.markRolledBack(redemption.id, rollbackId, now))) {
    throw new AppError('already_rolled_back', { details: redemption.id });
  }
  if (redemption.voucher_id) await store.vouchers.decrementRedeemed(redemption.voucher_id);
  // Gift credits go back exactly as taken (the redemption's `amount`), under the same row lock.
  if (redemption.voucher_id && redemption.amount > 0) {
    await refundGiftCredits(ctx, store, {
      card: { id: redemption.voucher_id, campaign_id: redemption.campaign_id },
      credits: redemption.amount,
      redemptionId: redemption.id,
      rollbackId,
      order: redemption.order_id ? { id: redemption.order_id, source_id: orderSourceId(redemption) } : null,
    });
  }
  // A tier's summary goes back before its campaign's totals: the one lock order (lock-order.ts).
  if (redemption.related_object_type === 'promotion_tier' && redemption.related_object_id) {
    await store.promotionTiers.addToSummary(redemption.related_object_id, {
      redeemed_quantity: -1,
      orders_total_amount: -(redemption.order_amount ?? 0),
      orders_total_discount_amount: -redemption.discount_amount,
    });
  }
  // A referral this redemption made is undone with it, its referrer reward taken back once.
  await undoReferralOf(ctx, store, redemption.id);
  if (redemption.campaign_id) {
    await store.ruleCounters.moveCampaignTotals(redemption.campaign_id, -1, redemption.order_amount ?? 0);
  }
  const rollback = rollbackRecord(redemption, rollbackId, { request, channel: options.channel, customer, now });
  await storeRedemption(ctx, store, rollback, 'redemption.rollback.succeeded');
  return { status: 200, body: toRedemptionObject(rollback) };
}

/**
 * POST /redemptions/{id}/rollback: gives the use back to the voucher, marks the redemption
 * ROLLED_BACK and stores the rollback, in one transaction. A second rollback is refused with
 * already_rolled_back and changes nothing.
 */
export function rollbackRedemption(
  ctx: ProjectContext,
  redemptionId: string,
  request: RollbackRequest,
  options: RollbackOptions,
): Promise<Answer> {
  return runIdempotently(
    ctx,
    { scope: 'redemption_rollback', key: options.idempotencyKey, request: { redemptionId, request } },
    (store) => rollbackInStore(ctx, store, redemptionId, request, options),
  );
}
