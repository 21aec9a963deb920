import type { SummarizedCustomer } from '../customers/customer-queries.js';
import { toCustomerReferrals } from './referral-view.js';

/** Voucherify's customer object. Unset optional text fields are left out, as Voucherify does. */
export function toCustomerObject({ customer, orders, redemptions, referrals }: SummarizedCustomer) {
  const optional = Object.fromEntries(
    (['name', 'description', 'email', 'phone', 'birthdate', 'birthday'] as const)
      .filter((field) => customer[field] !== null)
      .map((field) => [field, customer[field]]),
  );
  const totalCount = orders?.total_count ?? 0;
  const totalAmount = orders?.total_amount ?? 0;
  return {
    id: customer.id,
    source_id: customer.source_id,
    ...optional,
    address: customer.address,
    summary: {
      redemptions: {
        total_redeemed: redemptions?.total_redeemed ?? 0,
        total_failed: redemptions?.total_failed ?? 0,
        total_succeeded: redemptions?.total_succeeded ?? 0,
        total_rolled_back: redemptions?.total_rolled_back ?? 0,
        total_rollback_failed: redemptions?.total_rollback_failed ?? 0,
        total_rollback_succeeded: redemptions?.total_rollback_succeeded ?? 0,
        gift: { redeemed_amount: 0, amount_to_go: 0 },
        loyalty_card: { redeemed_points: 0, points_to_go: 0 },
      },
      orders: {
        total_amount: totalAmount,
        total_count: totalCount,
        average_amount: totalCount === 0 ? 0 : Math.round(totalAmount / totalCount),
        last_order_amount: orders?.last_order_amount ?? 0,
        last_order_date: orders?.last_order_date ?? null,
      },
    },
    loyalty: { points: 0, referred_customers: 0, campaigns: {} },
    referrals: toCustomerReferrals(referrals ?? []),
    metadata: customer.metadata,
    system_metadata: {},
    created_at: customer.created_at,
    updated_at: customer.updated_at,
    object: 'customer' as const,
  };
}

export type CustomerObject = ReturnType<typeof toCustomerObject>;
