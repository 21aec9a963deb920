import { invalidPayload } from '../errors.js';
import type { Metadata } from '../metadata.js';

export interface Product {
  id: string;
  source_id: string | null;
  name: string | null;
  /** Unit price in minor units. */
  price: number | null;
  /** Names of the attributes its SKUs give values to, such as `color`. */
  attributes: string[];
  metadata: Metadata;
  image_url: string | null;
  created_at: string;
  updated_at: string | null;
}

/** Voucherify's own examples give SKU attributes as text and as numbers (`ranking: 1`). */
export type SkuAttributeValue = string | number | boolean;

export interface Sku {
  id: string;
  product_id: string;
  source_id: string | null;
  /** The SKU's display name. */
  sku: string | null;
  price: number | null;
  currency: string | null;
  /** Values of the product's attributes, such as `{ color: "red" }`. */
  attributes: Record<string, SkuAttributeValue>;
  image_url: string | null;
  metadata: Metadata;
  created_at: string;
  updated_at: string | null;
}

/** What a create or update may set on a product; an absent field is left unchanged, null clears it. */
export interface ProductChanges {
  source_id?: string | null;
  name?: string | null;
  price?: number | null;
  attributes?: string[] | null;
  metadata?: Metadata | null;
  image_url?: string | null;
}

/** What a create or update may set on a SKU; an absent field is left unchanged, null clears it. */
export interface SkuChanges {
  source_id?: string | null;
  sku?: string | null;
  price?: number | null;
  currency?: string | null;
  attributes?: Record<string, SkuAttributeValue> | null;
  metadata?: Metadata | null;
  image_url?: string | null;
}

const PRODUCT_SCALARS = ['source_id', 'name', 'price', 'image_url'] as const;
const SKU_SCALARS = ['source_id', 'sku', 'price', 'currency', 'image_url'] as const;

/** Attribute names in the order first given, each once: `["color", "color"]` is one attribute. */
export function normalizeAttributeNames(names: readonly string[]): string[] {
  return [...new Set(names.map((name) => name.trim()).filter((name) => name !== ''))];
}

export function newProduct(id: string, changes: ProductChanges, now: string): Product {
  const empty: Product = {
    id,
    source_id: null,
    name: null,
    price: null,
    attributes: [],
    metadata: {},
    image_url: null,
    created_at: now,
    updated_at: null,
  };
  return applyProductChanges(empty, changes, null);
}

/** The product after an update; `now` null keeps `updated_at` (a create is not an update). */
export function applyProductChanges(product: Product, changes: ProductChanges, now: string | null): Product {
  const next: Product = { ...product };
  for (const field of PRODUCT_SCALARS) {
    const value = changes[field];
    if (value !== undefined) (next as Record<(typeof PRODUCT_SCALARS)[number], unknown>)[field] = value;
  }
  if (changes.attributes !== undefined) next.attributes = normalizeAttributeNames(changes.attributes ?? []);
  if (changes.metadata !== undefined) next.metadata = changes.metadata ?? {};
  if (now !== null) next.updated_at = now;
  return next;
}

export function newSku(id: string, productId: string, changes: SkuChanges, now: string): Sku {
  const empty: Sku = {
    id,
    product_id: productId,
    source_id: null,
    sku: null,
    price: null,
    currency: null,
    attributes: {},
    image_url: null,
    metadata: {},
    created_at: now,
    updated_at: null,
  };
  return applySkuChanges(empty, changes, null);
}

/** The SKU after an update; `now` null keeps `updated_at` (a create is not an update). */
export function applySkuChanges(sku: Sku, changes: SkuChanges, now: string | null): Sku {
  const next: Sku = { ...sku };
  for (const field of SKU_SCALARS) {
    const value = changes[field];
    if (value !== undefined) (next as Record<(typeof SKU_SCALARS)[number], unknown>)[field] = value;
  }
  if (changes.attributes !== undefined) next.attributes = changes.attributes ?? {};
  if (changes.metadata !== undefined) next.metadata = changes.metadata ?? {};
  if (now !== null) next.updated_at = now;
  return next;
}

/** SKU attribute names the product does not declare; a SKU gives values to its product's attributes only. */
export function findUndeclaredAttributes(product: Product, attributes: Record<string, SkuAttributeValue>): string[] {
  const declared = new Set(product.attributes);
  return Object.keys(attributes).filter((name) => !declared.has(name));
}

/** Refuses SKU attributes that the product does not declare, naming them and the ones it does. */
export function checkSkuAttributes(product: Product, attributes: Record<string, SkuAttributeValue> | null | undefined) {
  if (!attributes) return;
  const undeclared = findUndeclaredAttributes(product, attributes);
  if (undeclared.length === 0) return;
  const allowed = product.attributes.length === 0 ? 'none' : product.attributes.join(', ');
  throw invalidPayload(
    `SKU attributes ${undeclared.map((name) => `"${name}"`).join(', ')} are not among the attributes of product ${product.id} (${allowed}); add them to the product first`,
  );
}
