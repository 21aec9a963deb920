import type { QualifiedRedeemable } from './qualified-redeemable.js';

/** A redeemable for tests: a promotion tier unless told otherwise. */
export function redeemable(overrides: Partial<QualifiedRedeemable> & { id: string }): QualifiedRedeemable {
  return {
    object: 'promotion_tier',
    resource_id: overrides.id,
    created_at: '2026-01-01T00:00:00.000Z',
    campaign_id: null,
    campaign_type: null,
    category_ids: [],
    voucher_type: null,
    code: null,
    holder_role: null,
    discount_amount: 0,
    ...overrides,
  };
}
