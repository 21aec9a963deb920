import type { CustomerUpsert } from '../app/customers/upsert-customer.js';
import type { Answer } from '../app/redemptions/idempotent.js';
import type { Metadata } from '../domain/metadata.js';
import {
  type ClientMetadataObject,
  type HiddenClientMetadata,
  withoutHiddenMetadata,
} from '../domain/projects/client-metadata.js';
import type { Project } from '../domain/projects/project.js';
import {
  CATEGORY_FIELDS,
  ORDER_FIELDS,
  ORDER_ITEM_FIELDS,
  PRODUCT_FIELDS,
  PROMOTION_TIER_FIELDS,
  PUBLICATION_FIELDS,
  REDEMPTION_FIELDS,
  SKU_FIELDS,
  TIER_CAMPAIGN_FIELDS,
  VALIDATED_TIER_FIELDS,
  VALIDATION_FIELDS,
  VOUCHER_FIELDS,
} from './client-fields.js';

/**
 * What a storefront may see. Client-side keys are public (they ship in a web page), so anyone can
 * call `/client/v1` and name any customer by source_id. Every client answer therefore passes
 * through here, once, and keeps:
 * - only the fields Voucherify's client-side answers have (the allow-lists of client-fields.ts);
 * - of customers, only the one the request named, and of that one only its id, its source_id and
 *   what the request itself said about it: stored details (email, phone, order totals) of an
 *   existing customer would otherwise be harvestable by guessing source ids;
 * - no metadata key the project hides from storefronts (`client_hidden_metadata`).
 */

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Who reads a client-side answer: a storefront of one project, asking about at most one customer. */
export interface ClientAudience {
  hiddenMetadata: HiddenClientMetadata;
  /** What the request said about its customer; null when it named none. */
  customerInput: CustomerUpsert | null;
  /** That customer's id once found or created; null when the request named none. */
  customerId: string | null;
}

export function clientAudience(
  project: Project,
  customerInput: CustomerUpsert | null | undefined,
  customerId: string | null | undefined,
): ClientAudience {
  return {
    hiddenMetadata: project.settings.client_hidden_metadata,
    customerInput: customerInput ?? null,
    customerId: customerId ?? null,
  };
}

/** A customer always shows who it is; the rest only as far as the request said it. */
const CUSTOMER_IDENTITY_FIELDS = ['id', 'source_id', 'object'] as const;
const CUSTOMER_DETAIL_FIELDS = ['name', 'description', 'email', 'phone', 'birthdate', 'birthday'] as const;

export function pick(object: JsonObject, fields: ReadonlySet<string>): JsonObject {
  return Object.fromEntries(Object.entries(object).filter(([field]) => fields.has(field)));
}

function visibleMetadata(metadata: unknown, object: ClientMetadataObject, audience: ClientAudience): Metadata {
  return isJsonObject(metadata) ? withoutHiddenMetadata(metadata, audience.hiddenMetadata[object]) : {};
}

/** Replaces `metadata` (when the object has it) by what storefronts may see of it. */
export function withVisibleMetadata(
  object: JsonObject,
  kind: ClientMetadataObject,
  audience: ClientAudience,
): JsonObject {
  return 'metadata' in object ? { ...object, metadata: visibleMetadata(object.metadata, kind, audience) } : object;
}

function isRequestCustomer(id: unknown, audience: ClientAudience): boolean {
  return audience.customerId !== null && id === audience.customerId;
}

/** Drops an id field, and the object naming the same customer, unless it is the request's customer. */
function withoutOtherCustomer(object: JsonObject, idField: string, refField: string, audience: ClientAudience) {
  const ref = object[refField];
  const id = object[idField] ?? (isJsonObject(ref) ? ref.id : undefined);
  if (id === undefined || id === null || isRequestCustomer(id, audience)) return object;
  const { [idField]: _id, [refField]: _ref, ...rest } = object;
  return rest;
}

function presentOrderItem(item: unknown, audience: ClientAudience): unknown {
  if (!isJsonObject(item)) return item;
  const shown = withVisibleMetadata(pick(item, ORDER_ITEM_FIELDS), 'order_item', audience);
  if (isJsonObject(shown.product)) {
    shown.product = withVisibleMetadata(pick(shown.product, PRODUCT_FIELDS), 'product', audience);
  }
  if (isJsonObject(shown.sku)) shown.sku = withVisibleMetadata(pick(shown.sku, SKU_FIELDS), 'sku', audience);
  return shown;
}

export function presentOrder(order: JsonObject, audience: ClientAudience): JsonObject {
  let shown = withVisibleMetadata(pick(order, ORDER_FIELDS), 'order', audience);
  shown = withoutOtherCustomer(shown, 'customer_id', 'customer', audience);
  shown = withoutOtherCustomer(shown, 'referrer_id', 'referrer', audience);
  if (Array.isArray(shown.items)) shown.items = shown.items.map((item) => presentOrderItem(item, audience));
  return shown;
}

function presentVoucher(voucher: JsonObject, audience: ClientAudience): JsonObject {
  const shown = withVisibleMetadata(pick(voucher, VOUCHER_FIELDS), 'voucher', audience);
  // A published code's holder, or a referral code's referrer, is somebody else unless it is the caller.
  for (const field of ['holder_id', 'referrer_id']) {
    const id = shown[field];
    if (id !== undefined && id !== null && !isRequestCustomer(id, audience)) delete shown[field];
  }
  return shown;
}

/** Only the fields of `address` the request sent. */
function saidAddress(stored: unknown, said: unknown): unknown {
  if (!isJsonObject(stored) || !isJsonObject(said)) return stored;
  return pick(stored, new Set(Object.keys(said)));
}

/** The request's own customer as far as the request described it; undefined for anyone else. */
function presentCustomer(customer: JsonObject, audience: ClientAudience): JsonObject | undefined {
  if (!isRequestCustomer(customer.id, audience)) return undefined;
  const said: JsonObject = { ...audience.customerInput };
  const shown: JsonObject = {};
  for (const field of CUSTOMER_IDENTITY_FIELDS) if (field in customer) shown[field] = customer[field];
  for (const field of CUSTOMER_DETAIL_FIELDS) {
    if (said[field] !== undefined && field in customer) shown[field] = customer[field];
  }
  if (said.address !== undefined && 'address' in customer) shown.address = saidAddress(customer.address, said.address);
  const saidKeys = new Set(isJsonObject(said.metadata) ? Object.keys(said.metadata) : []);
  const stored = isJsonObject(customer.metadata) ? customer.metadata : {};
  shown.metadata = visibleMetadata(pick(stored, saidKeys), 'customer', audience);
  return shown;
}

/** The legacy validate answer as a storefront sees it. */
export function presentClientValidation<T extends { valid: boolean; code: string }>(
  validation: T,
  audience: ClientAudience,
): Pick<T, 'valid' | 'code'> & JsonObject {
  // Voucherify's validate answer carries the voucher's metadata, so the voucher's hidden keys apply.
  const shown = withVisibleMetadata(pick(validation, VALIDATION_FIELDS), 'voucher', audience);
  if (isJsonObject(shown.order)) shown.order = presentOrder(shown.order, audience);
  return { ...shown, valid: validation.valid, code: validation.code };
}

/** A redemption as a storefront sees it. */
export function presentClientRedemption(redemption: JsonObject, audience: ClientAudience): JsonObject {
  let shown = withVisibleMetadata(pick(redemption, REDEMPTION_FIELDS), 'redemption', audience);
  shown = withoutOtherCustomer(shown, 'customer_id', 'customer', audience);
  if (isJsonObject(shown.customer)) {
    const customer = presentCustomer(shown.customer, audience);
    if (customer) shown.customer = customer;
    else delete shown.customer;
  }
  if (isJsonObject(shown.order)) shown.order = presentOrder(shown.order, audience);
  if (isJsonObject(shown.voucher)) shown.voucher = presentVoucher(shown.voucher, audience);
  // A tier's redemption (alone or in a stack) embeds the tier: its allow-list and hidden keys apply.
  if (isJsonObject(shown.promotion_tier)) {
    shown.promotion_tier = presentTier(shown.promotion_tier, PROMOTION_TIER_FIELDS, audience);
  }
  return shown;
}

/**
 * A redeem answer as a storefront sees it. Its customer is the one the redemption names, so the
 * audience learns the id from the answer (a replayed answer names the same one). Error answers
 * carry only the error object and pass as they are.
 */
export function presentClientRedeemAnswer(answer: Answer, audience: Omit<ClientAudience, 'customerId'>): Answer {
  if (answer.status !== 200 || !isJsonObject(answer.body)) return answer;
  const customerId = typeof answer.body.customer_id === 'string' ? answer.body.customer_id : null;
  return { ...answer, body: presentClientRedemption(answer.body, { ...audience, customerId }) };
}

/**
 * A publication as a storefront sees it: its own customer as far as it described them, the code
 * through the voucher filter, and of the publication's metadata only the keys this request sent
 * (a replayed publication may carry what the server side gave it).
 */
export function presentClientPublication(publication: JsonObject, audience: ClientAudience, sentMetadata: unknown) {
  const shown = pick(publication, PUBLICATION_FIELDS);
  const sentKeys = new Set(isJsonObject(sentMetadata) ? Object.keys(sentMetadata) : []);
  shown.metadata = isJsonObject(shown.metadata) ? pick(shown.metadata, sentKeys) : {};
  const customer = isJsonObject(shown.customer) ? presentCustomer(shown.customer, audience) : undefined;
  if (customer) shown.customer = customer;
  else delete shown.customer;
  if (isJsonObject(shown.voucher)) shown.voucher = presentVoucher(shown.voucher, audience);
  return shown;
}

/** The customer a storefront created or named, as far as it described it. */
export function presentClientCustomer(customer: { id: string; source_id: string | null }, audience: ClientAudience) {
  const shown = presentCustomer({ ...customer, object: 'customer' }, audience) ?? {};
  return {
    ...shown,
    id: customer.id,
    source_id: customer.source_id,
    metadata: isJsonObject(shown.metadata) ? shown.metadata : {},
    object: 'customer' as const,
  };
}

/** A promotion tier as a storefront sees it: its campaign's validity, not its settings or totals. */
function presentTier(tier: JsonObject, fields: ReadonlySet<string>, audience: ClientAudience): JsonObject {
  const shown = withVisibleMetadata(pick(tier, fields), 'promotion_tier', audience);
  if (isJsonObject(shown.campaign)) shown.campaign = pick(shown.campaign, TIER_CAMPAIGN_FIELDS);
  if (Array.isArray(shown.categories)) {
    shown.categories = shown.categories.map((category) =>
      isJsonObject(category) ? pick(category, CATEGORY_FIELDS) : category,
    );
  }
  if (isJsonObject(shown.order)) shown.order = presentOrder(shown.order, audience);
  return shown;
}

/** The `{object: 'list', data_ref: 'tiers'}` tier list as a storefront sees it. */
export function presentClientTierList<T extends { id: string; object: 'promotion_tier' }>(
  list: { object: 'list'; data_ref: 'tiers'; tiers: readonly T[]; total: number; has_more: boolean },
  audience: ClientAudience,
) {
  return {
    ...list,
    tiers: list.tiers.map((tier) => ({
      ...presentTier(tier as unknown as JsonObject, PROMOTION_TIER_FIELDS, audience),
      id: tier.id,
      object: tier.object,
    })),
  };
}

/** The legacy promotions validation as a storefront sees it: each qualifying tier, and its order, presented. */
export function presentClientPromotionsValidation<
  T extends { id: string; object: 'promotion_tier'; discount_amount: number },
>(validation: { valid: boolean; tracking_id?: string; promotions: readonly T[] }, audience: ClientAudience) {
  return {
    valid: validation.valid,
    ...(validation.tracking_id === undefined ? {} : { tracking_id: validation.tracking_id }),
    promotions: validation.promotions.map((tier) => ({
      ...presentTier(tier as unknown as JsonObject, VALIDATED_TIER_FIELDS, audience),
      id: tier.id,
      object: tier.object,
      discount_amount: tier.discount_amount,
    })),
  };
}
