import type { Metadata } from '../metadata.js';

/**
 * The objects whose metadata client-side answers (validate, redeem, customers) can show. Each is
 * a resource of Voucherify's metadata schemas, so a project can mark keys per resource as
 * Voucherify marks a schema's properties hidden.
 */
export const CLIENT_METADATA_OBJECTS = [
  'voucher',
  'customer',
  'order',
  'order_item',
  'product',
  'sku',
  'redemption',
  'promotion_tier',
] as const;

export type ClientMetadataObject = (typeof CLIENT_METADATA_OBJECTS)[number];

/**
 * Metadata keys a project keeps from storefronts, by the object that carries them. `*` hides
 * every key of that object. Server-side and management answers still show them.
 */
export type HiddenClientMetadata = Partial<Record<ClientMetadataObject, string[]>>;

const EVERY_KEY = '*';

/** The metadata a client-side answer may show: the same object without the hidden keys. */
export function withoutHiddenMetadata(metadata: Metadata, hiddenKeys: readonly string[] | undefined): Metadata {
  if (!hiddenKeys || hiddenKeys.length === 0) return metadata;
  if (hiddenKeys.includes(EVERY_KEY)) return {};
  const hidden = new Set(hiddenKeys);
  return Object.fromEntries(Object.entries(metadata).filter(([key]) => !hidden.has(key)));
}

/** The setting as stored: keys trimmed, each once, objects without keys left out. */
export function normalizeHiddenMetadata(hidden: HiddenClientMetadata): HiddenClientMetadata {
  const normalized: HiddenClientMetadata = {};
  for (const object of CLIENT_METADATA_OBJECTS) {
    const keys = [...new Set((hidden[object] ?? []).map((key) => key.trim()).filter((key) => key !== ''))];
    if (keys.length > 0) normalized[object] = keys;
  }
  return normalized;
}
