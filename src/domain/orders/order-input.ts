import type { Metadata } from '../metadata.js';
import type { OrderStatus } from './order.js';

/** Product data an order line may carry, to create or (with `override`) update the catalog entry. */
export interface ItemProductInput {
  id?: string | null;
  source_id?: string | null;
  name?: string | null;
  price?: number | null;
  metadata?: Metadata | null;
  override?: boolean | null;
}

export interface ItemSkuInput {
  id?: string | null;
  source_id?: string | null;
  sku?: string | null;
  price?: number | null;
  metadata?: Metadata | null;
  override?: boolean | null;
}

/** One order line as a shop sends it. */
export interface OrderItemInput {
  sku_id?: string | null;
  product_id?: string | null;
  related_object?: 'product' | 'sku' | null;
  source_id?: string | null;
  quantity?: number | null;
  discount_quantity?: number | null;
  initial_quantity?: number | null;
  price?: number | null;
  amount?: number | null;
  discount_amount?: number | null;
  initial_amount?: number | null;
  product?: ItemProductInput | null;
  sku?: ItemSkuInput | null;
  metadata?: Metadata | null;
}

/** The amounts a shop may state for the whole order; the rest are computed. */
export interface OrderAmountsInput {
  amount?: number | null;
  initial_amount?: number | null;
  discount_amount?: number | null;
}

export interface OrderChangesInput extends OrderAmountsInput {
  source_id?: string | null;
  status?: OrderStatus | null;
  items?: OrderItemInput[] | null;
  metadata?: Metadata | null;
  created_at?: string | null;
}
