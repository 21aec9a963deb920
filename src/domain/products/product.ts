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

export interface Sku {
  id: string;
  product_id: string;
  source_id: string | null;
  /** The SKU's display name. */
  sku: string | null;
  price: number | null;
  currency: string | null;
  /** Values of the product's attributes, such as `{ color: "red" }`. */
  attributes: Record<string, string>;
  image_url: string | null;
  metadata: Metadata;
  created_at: string;
  updated_at: string | null;
}
