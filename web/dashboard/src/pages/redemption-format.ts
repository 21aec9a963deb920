import type { Redemption } from '../api/api-types';
import { formatMoney } from '../lib/format';

/** Who redeemed: the shop's own customer id when known, else email or Vouch's id. */
export function describeCustomer(redemption: Redemption): string {
  const customer = redemption.customer;
  return customer?.source_id ?? customer?.email ?? customer?.name ?? redemption.customer_id ?? '—';
}

/** The order's amount before discount; a gift card's redemption has only the credits it used. */
export function formatOrderAmount(redemption: Redemption): string {
  const amount = redemption.order?.amount ?? redemption.amount;
  return amount === null || amount === undefined ? '—' : formatMoney(amount);
}

export function formatOrderDiscount(redemption: Redemption): string {
  const discount = redemption.order?.total_discount_amount;
  return discount === null || discount === undefined ? '—' : formatMoney(discount);
}

/** The code redeemed, or the promotion tier for a promotion's redemption. */
export function findRedeemedCode(redemption: Redemption): string | null {
  return redemption.voucher?.code ?? null;
}
