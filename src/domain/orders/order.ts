import type { Metadata } from '../metadata.js';

export const ORDER_STATUSES = ['CREATED', 'PAID', 'CANCELED', 'FULFILLED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The catalog product an order line refers to, as the order shows it. */
export interface OrderItemProduct {
  id: string | null;
  source_id: string | null;
  name: string | null;
  price: number | null;
  metadata: Metadata | null;
}

export interface OrderItemSku {
  id: string | null;
  source_id: string | null;
  sku: string | null;
  price: number | null;
  metadata: Metadata | null;
}

/** One order line after pricing: amounts are integers in minor units. */
export interface OrderItem {
  sku_id: string | null;
  product_id: string | null;
  related_object: 'product' | 'sku' | null;
  source_id: string | null;
  quantity: number | null;
  discount_quantity: number | null;
  initial_quantity: number | null;
  price: number | null;
  amount: number | null;
  discount_amount: number | null;
  initial_amount: number | null;
  /** amount − discount_amount. */
  subtotal_amount: number | null;
  product: OrderItemProduct | null;
  sku: OrderItemSku | null;
  metadata: Metadata | null;
}

export interface Order {
  id: string;
  source_id: string | null;
  status: OrderStatus;
  /** Before any discount: what the shop sent, else the sum of the lines. */
  amount: number;
  initial_amount: number;
  /** Order-level discounts. */
  discount_amount: number;
  /** Sum of the lines' discounts. */
  items_discount_amount: number;
  total_discount_amount: number;
  /** amount − total_discount_amount, never below zero. */
  total_amount: number;
  items: OrderItem[];
  metadata: Metadata;
  customer_id: string | null;
  referrer_id: string | null;
  created_at: string;
  updated_at: string | null;
}
