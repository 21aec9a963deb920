import type { Campaign } from '../../domain/campaigns/campaign.js';
import { parseDiscount } from '../../domain/discounts/parse-discount.js';
import { AppError, invalidPayload, notFound } from '../../domain/errors.js';
import { parseGift } from '../../domain/gift-cards/gift-card.js';
import type { Metadata } from '../../domain/metadata.js';
import { assertMergedValidity, parseValidityRules } from '../../domain/vouchers/parse-validity-rules.js';
import type { Voucher, VoucherType } from '../../domain/vouchers/voucher.js';
import { checkMetadata } from '../metadata-schemas/check-metadata.js';
import type { ProjectStore } from '../ports.js';

/** The fields of a voucher a client may set when creating, updating or importing it. */
export interface VoucherFieldsInput {
  category?: string | null;
  category_id?: string | null;
  discount?: unknown;
  gift?: unknown;
  start_date?: string | null;
  expiration_date?: string | null;
  validity_timeframe?: unknown;
  validity_day_of_week?: unknown;
  validity_hours?: unknown;
  active?: boolean | null;
  additional_info?: string | null;
  metadata?: Metadata | null;
  redemption?: { quantity?: number | null } | null;
}

/** Checked changes to a voucher's own fields; an absent field stays as it is. */
export type VoucherChanges = Partial<
  Pick<
    Voucher,
    | 'category_id'
    | 'type'
    | 'discount'
    | 'gift'
    | 'start_date'
    | 'expiration_date'
    | 'validity_timeframe'
    | 'validity_day_of_week'
    | 'validity_hours'
    | 'active'
    | 'additional_info'
    | 'metadata'
    | 'redemption_quantity'
  >
>;

/** Loyalty cards come with the loyalty programs; discount vouchers and gift cards are here. */
export function assertSupportedVoucherType(type: VoucherType | null | undefined): void {
  if (type === 'LOYALTY_CARD') {
    throw new AppError('missing_required_feature', {
      details: 'LOYALTY_CARD vouchers are not supported yet; DISCOUNT_VOUCHER and GIFT_VOUCHER are',
    });
  }
}

/**
 * The id of the category a client named by `category_id`, or by `category` (its name, or its id
 * as Voucherify's imports allow); undefined when neither was sent, null when cleared.
 */
export async function resolveCategoryId(
  store: ProjectStore,
  input: { category?: string | null; category_id?: string | null },
): Promise<string | null | undefined> {
  if (input.category_id !== undefined && input.category_id !== null) {
    const category = await store.categories.findById(input.category_id);
    if (!category) throw notFound('category', input.category_id);
    return category.id;
  }
  if (input.category !== undefined && input.category !== null) {
    const category =
      (await store.categories.findByName(input.category)) ?? (await store.categories.findById(input.category));
    if (!category) throw notFound('category', input.category);
    return category.id;
  }
  if (input.category_id === null || input.category === null) return null;
  return undefined;
}

/** Reads what a client sent into checked changes; throws invalid_payload naming the property. */
export async function readVoucherChanges(
  store: ProjectStore,
  input: VoucherFieldsInput,
  prefix = '',
): Promise<VoucherChanges> {
  const changes: VoucherChanges = { ...parseValidityRules(input as Record<string, unknown>, prefix) };
  const categoryId = await resolveCategoryId(store, input);
  if (categoryId !== undefined) changes.category_id = categoryId;
  if (input.discount !== undefined) {
    changes.discount = input.discount === null ? null : parseDiscount(input.discount, `${prefix}.discount`);
  }
  if (input.gift !== undefined) changes.gift = input.gift === null ? null : parseGift(input.gift, `${prefix}.gift`);
  if (input.active !== undefined) changes.active = input.active;
  if (input.additional_info !== undefined) changes.additional_info = input.additional_info;
  if (input.metadata !== undefined) changes.metadata = input.metadata ?? {};
  if (changes.metadata !== undefined) await checkMetadata(store, 'voucher', changes.metadata);
  if (input.redemption !== undefined) changes.redemption_quantity = input.redemption?.quantity ?? null;
  return changes;
}

export function applyVoucherChanges(voucher: Voucher, changes: VoucherChanges, now: string | null): Voucher {
  const next: Voucher = { ...voucher, ...changes };
  if (now !== null) next.updated_at = now;
  return next;
}

/**
 * What must hold of a voucher as it will be in force: a standalone discount voucher has a
 * discount, a gift card has its gift (own or its template's) and nothing else has one, and a timeframe is counted from a start date (the voucher's, its template's or its
 * campaign's).
 */
export function assertVoucherComplete(voucher: Voucher, campaign: Campaign | null): void {
  if (!campaign && (voucher.type ?? 'DISCOUNT_VOUCHER') === 'DISCOUNT_VOUCHER' && voucher.discount === null) {
    throw invalidPayload("Property .discount is required: a DISCOUNT_VOUCHER outside a campaign needs 'discount'");
  }
  const type = voucher.type ?? campaign?.voucher.type ?? 'DISCOUNT_VOUCHER';
  if (type === 'GIFT_VOUCHER' && (voucher.gift ?? campaign?.voucher.gift ?? null) === null) {
    throw invalidPayload("Property .gift is required: a GIFT_VOUCHER needs 'gift' with a positive 'amount'");
  }
  if (type !== 'GIFT_VOUCHER' && voucher.gift !== null) {
    throw invalidPayload(`Property .gift is only for GIFT_VOUCHER vouchers, not ${type}`);
  }
  const template = campaign?.voucher;
  assertMergedValidity(
    {
      start_date: voucher.start_date ?? template?.start_date ?? campaign?.start_date ?? null,
      expiration_date: voucher.expiration_date ?? template?.expiration_date ?? campaign?.expiration_date ?? null,
      validity_timeframe: voucher.validity_timeframe ?? template?.validity_timeframe ?? null,
    },
    '',
  );
}

/** A new voucher with nothing set: in a campaign every null field inherits the campaign's template. */
export function blankVoucher(id: string, code: string, campaignId: string | null, now: string): Voucher {
  return {
    id,
    code,
    campaign_id: campaignId,
    category_id: null,
    type: null,
    discount: null,
    gift: null,
    loyalty_card: null,
    start_date: null,
    expiration_date: null,
    validity_timeframe: null,
    validity_day_of_week: null,
    validity_hours: null,
    redemption_quantity: null,
    is_referral_code: null,
    active: null,
    additional_info: null,
    metadata: {},
    holder_id: null,
    referrer_id: null,
    redeemed_quantity: 0,
    publish_count: 0,
    created_at: now,
    updated_at: null,
  };
}

/** A standalone voucher states everything itself; a campaign's keeps only what it overrides. */
export function newVoucher(
  id: string,
  code: string,
  campaign: Campaign | null,
  changes: VoucherChanges,
  now: string,
): Voucher {
  const blank = blankVoucher(id, code, campaign?.id ?? null, now);
  const own: Partial<Voucher> = campaign ? {} : { type: 'DISCOUNT_VOUCHER', is_referral_code: false, active: true };
  const voucher = applyVoucherChanges({ ...blank, ...own }, changes, null);
  assertVoucherComplete(voucher, campaign);
  return voucher;
}
