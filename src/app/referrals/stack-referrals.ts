import type { Customer } from '../../domain/customers/customer.js';
import type { Order } from '../../domain/orders/order.js';
import type { Redemption } from '../../domain/redemptions/redemption.js';
import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';
import { type JudgedEntry, refuseEntry } from '../stacking/judge-stack-entries.js';
import { judgeReferral, recordReferral } from './referral-redemption.js';

/**
 * A stack's referral codes judged like a single redemption's (referral-redemption.ts): one the
 * customer may not redeem (no customer, or their own code) becomes inapplicable with that reason,
 * so the stack refuses it as it refuses any redeemable; the order names the referrer.
 */
export function judgeStackReferrals(
  judged: readonly JudgedEntry[],
  customer: Customer | null,
  order: Order | null,
): JudgedEntry[] {
  return judged.map((entry) => {
    const { source } = entry.entry;
    if (source.kind !== 'voucher') return entry;
    const judgement = judgeReferral(source.voucher, customer, order);
    return 'refused' in judgement ? refuseEntry(entry, judgement.refused) : entry;
  });
}

/**
 * After the stack's uses are counted and before its campaign totals move (vouchers before
 * campaigns, lock-order.ts): each redeemed referral code links its referee and, where the program
 * converts on redemption, rewards its referrer; the child redemption is the one a rollback undoes.
 */
export async function recordStackReferrals(
  ctx: ProjectContext,
  store: ProjectStore,
  customer: Customer | null,
  redeemed: readonly JudgedEntry[],
  children: readonly Redemption[],
): Promise<void> {
  for (const [k, entry] of redeemed.entries()) {
    const { source } = entry.entry;
    const child = children[k];
    if (source.kind !== 'voucher' || !child) continue;
    const judgement = judgeReferral(source.voucher, customer, null);
    if ('referral' in judgement && judgement.referral) await recordReferral(ctx, store, judgement.referral, child.id);
  }
}
