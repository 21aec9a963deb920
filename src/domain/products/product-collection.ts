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
