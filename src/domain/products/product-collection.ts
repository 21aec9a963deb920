import { invalidPayload } from '../errors.js';
import type { FilterFieldCatalog } from '../filters/filter.js';
import { normalizeFilterObject, parseFilter } from '../filters/parse-filter.js';

export type ProductCollectionType = 'STATIC' | 'AUTO_UPDATE';

/** One member of a STATIC collection: a product, or a SKU with its product. */
export interface CollectionMember {
  id: string;
  product_id?: string;
  object: 'product' | 'sku';
}

export interface ProductCollection {
  id: string;
  name: string;
  type: ProductCollectionType;
  /** AUTO_UPDATE: the filter products must match, in Voucherify's `filter` format. */
  filter: Record<string, unknown> | null;
  /** STATIC: the members, in the order given. */
  products: CollectionMember[] | null;
  created_at: string;
}

/** The product fields an AUTO_UPDATE collection's filter may name. */
export const PRODUCT_FILTER_FIELDS: FilterFieldCatalog = {
  id: 'string',
  source_id: 'string',
  name: 'string',
  price: 'number',
  image_url: 'string',
  created_at: 'date',
  updated_at: 'date',
  metadata: 'metadata',
};

export interface ProductCollectionInput {
  name: string;
  type?: ProductCollectionType | null;
  products?: CollectionMember[] | null;
  filter?: Record<string, unknown> | null;
}

/** Members in the order first given, each once: naming a product twice does not list it twice. */
export function dedupeMembers(members: readonly CollectionMember[]): CollectionMember[] {
  const seen = new Set<string>();
  return members.filter((member) => {
    const key = `${member.object}:${member.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A new collection: STATIC (the default, as in Voucherify's schema) lists its members, AUTO_UPDATE
 * holds a filter over product fields. Checks the shape only; that members exist is the caller's.
 */
export function newProductCollection(id: string, input: ProductCollectionInput, now: string): ProductCollection {
  const type = input.type ?? 'STATIC';
  if (type === 'STATIC') {
    if (input.filter !== undefined && input.filter !== null) {
      throw invalidPayload('filter is for AUTO_UPDATE collections; a STATIC collection lists its products');
    }
    return {
      id,
      name: input.name,
      type,
      filter: null,
      products: dedupeMembers(input.products ?? []),
      created_at: now,
    };
  }
  if (input.products !== undefined && input.products !== null) {
    throw invalidPayload('products is for STATIC collections; an AUTO_UPDATE collection selects them by filter');
  }
  if (input.filter === undefined || input.filter === null) {
    throw invalidPayload('an AUTO_UPDATE collection needs a filter');
  }
  const parsed = parseFilter(input.filter, PRODUCT_FILTER_FIELDS);
  return {
    id,
    name: input.name,
    type,
    filter: normalizeFilterObject(input.filter, parsed),
    products: null,
    created_at: now,
  };
}
