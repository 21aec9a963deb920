import type { Campaign } from '../../domain/campaigns/campaign.js';
import type { Category } from '../../domain/categories/category.js';
import { giftStateOf } from '../../domain/gift-cards/gift-card.js';
import type { ValidationRuleAssignment } from '../../domain/rules/validation-rule.js';
import { resolveVoucher } from '../../domain/vouchers/resolve-voucher.js';
import type { Voucher } from '../../domain/vouchers/voucher.js';
import type { VoucherAssets } from '../assets/asset-links.js';
import { toCategoryObject } from './category-view.js';
import { toValidationRuleAssignmentObject } from './validation-rule-view.js';

/** A voucher with what its answer shows beside it: its campaign and its category (own or inherited). */
export interface VoucherView {
  voucher: Voucher;
  campaign: Campaign | null;
  category: Category | null;
  /**
   * The validation rules assigned to the voucher itself. Left out where they were not loaded: the
   * voucher a redemption embeds, so validation and redemption make no query for it.
   */
  assignments?: readonly ValidationRuleAssignment[];
}

/** Voucherify's `validation_rules_assignments` list, as vouchers and campaigns embed it. */
export function toAssignmentsList(assignments: readonly ValidationRuleAssignment[]) {
  return {
    object: 'list' as const,
    data_ref: 'data' as const,
    data: assignments.map(toValidationRuleAssignmentObject),
    total: assignments.length,
  };
}

/** The signed links to a code's QR and barcode images; the HTTP layer knows the public URL and key. */
export type VoucherAssetLinks = (code: string) => VoucherAssets;

/** A path segment as Voucherify writes codes into the voucher's list URLs. */
function encodeCode(code: string): string {
  return encodeURIComponent(code);
}

/**
 * Voucherify's voucher object. A campaign's voucher shows the values in force (its own, else its
 * campaign's), since it stores only what differs. `active` is the voucher's own switch; the
 * campaign's is checked beside it at validation. The validity fields the spec declares as
 * non-nullable objects are left out when unset.
 */
export function toVoucherObject(view: VoucherView, assets: VoucherAssetLinks) {
  const v = resolveVoucher(view.voucher, view.campaign);
  const code = encodeCode(v.code);
  return {
    id: v.id,
    code: v.code,
    campaign: view.campaign?.name ?? null,
    campaign_id: v.campaign_id,
    category: view.category?.name ?? null,
    category_id: v.category_id,
    categories: view.category ? [toCategoryObject(view.category)] : [],
    type: v.type,
    // A gift card has no discount; the spec's voucher has no null there, so it is left out.
    ...(v.type === 'GIFT_VOUCHER' && v.discount === null ? {} : { discount: v.discount }),
    // A gift card shows its credits now: lifetime amount, spent, and balance.
    gift: v.gift && v.type === 'GIFT_VOUCHER' ? giftStateOf(v.gift, view.voucher) : v.gift,
    loyalty_card: v.loyalty_card,
    start_date: v.start_date,
    expiration_date: v.expiration_date,
    ...(v.validity_timeframe ? { validity_timeframe: v.validity_timeframe } : {}),
    ...(v.validity_day_of_week ? { validity_day_of_week: v.validity_day_of_week } : {}),
    ...(v.validity_hours ? { validity_hours: v.validity_hours } : {}),
    active: v.active,
    additional_info: v.additional_info,
    metadata: v.metadata,
    assets: assets(v.code),
    is_referral_code: v.is_referral_code,
    holder_id: v.holder_id,
    referrer_id: v.referrer_id,
    created_at: v.created_at,
    updated_at: v.updated_at,
    object: 'voucher' as const,
    publish: {
      object: 'list' as const,
      count: v.publish_count,
      url: `/v1/vouchers/${code}/publications?page=1&limit=10`,
    },
    redemption: {
      quantity: v.redemption_quantity,
      redeemed_quantity: v.redeemed_quantity,
      redeemed_points: 0,
      object: 'list' as const,
      url: `/v1/vouchers/${code}/redemptions?page=1&limit=10`,
    },
    validation_rules_assignments: toAssignmentsList(view.assignments ?? []),
  };
}

export type VoucherObject = ReturnType<typeof toVoucherObject>;
