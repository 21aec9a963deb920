import { buildQuery, requestProject } from './api-client';
import type { ListPage, RedemptionList, Voucher, VoucherList } from './api-types';
import { PAGE_SIZE } from './campaign-api';

// The parts of customers, segments, products and orders the catalog pages read; the server sends more.

export type Metadata = Record<string, unknown> | null;

export interface Customer {
  id: string;
  source_id: string | null;
  name?: string;
  email?: string;
  phone?: string;
  description?: string;
  address?: Record<string, string | null> | null;
  summary?: {
    redemptions: { total_redeemed: number; total_succeeded: number; total_failed: number; total_rolled_back: number };
    orders: { total_amount: number; total_count: number; average_amount: number; last_order_date: string | null };
  };
  loyalty?: { points: number; referred_customers: number };
  metadata: Metadata;
  created_at: string;
  updated_at?: string | null;
}

export interface CustomerList extends ListPage {
  customers: Customer[];
  has_more?: boolean;
}

export interface WalletEntry {
  id: string;
  redeemable_id: string;
  redeemable: { voucher: Voucher; status?: string };
}

export interface Activity {
  id: string;
  type: string;
  created_at: string;
  data: { data?: { voucher?: { code: string }; order?: { id: string }; event?: { type?: string } } };
}

export interface Segment {
  id: string;
  name: string;
  type: string;
  filter: unknown;
  initial_sync_status?: string;
  created_at: string;
  updated_at?: string;
}

export interface Sku {
  id: string;
  source_id: string | null;
  sku: string | null;
  price: number | null;
  currency: string | null;
  attributes: Record<string, unknown> | null;
  metadata: Metadata;
  created_at: string;
}

export interface Product {
  id: string;
  source_id: string | null;
  name: string | null;
  price: number | null;
  attributes: string[] | null;
  metadata: Metadata;
  image_url: string | null;
  created_at: string;
  updated_at: string | null;
  skus?: { data: Sku[]; total: number };
}

export interface OrderItem {
  product_id?: string;
  sku_id?: string;
  source_id?: string;
  quantity?: number;
  price?: number;
  amount?: number;
  discount_amount?: number;
  subtotal_amount?: number;
  product?: { id?: string; name?: string; source_id?: string };
  sku?: { id?: string; sku?: string; source_id?: string };
}

export interface Order {
  id: string;
  source_id: string | null;
  status: string;
  amount: number;
  total_discount_amount?: number;
  total_amount: number;
  items: OrderItem[];
  metadata: Metadata;
  customer_id: string | null;
  created_at: string;
  updated_at: string | null;
}

/**
 * What a list page asks: its page number, a sort order (`-created_at`), Vouch's `search` (part of
 * the list's own fields, whatever the case) and the route's own exact filters.
 */
export interface ListRequest {
  page: number;
  order?: string;
  search?: string;
  filters?: Record<string, string | undefined>;
}

const path = (...segments: string[]) => segments.map(encodeURIComponent).join('/');

function queryOf({ page, order, search, filters }: ListRequest): string {
  return buildQuery({ limit: PAGE_SIZE, page, order, search, ...filters });
}

export function listVouchers(request: ListRequest): Promise<VoucherList> {
  return requestProject<VoucherList>(`/vouchers${queryOf(request)}`);
}

export function listCustomers(request: ListRequest): Promise<CustomerList> {
  return requestProject<CustomerList>(`/customers${queryOf(request)}`);
}

/** By Vouch's id or the shop's source_id: the API answers either. */
export function getCustomer(ref: string): Promise<Customer> {
  return requestProject<Customer>(`/customers/${path(ref)}`);
}

export function listCustomerRedemptions(customerId: string, page: number): Promise<RedemptionList> {
  const query = buildQuery({ limit: PAGE_SIZE, page, order: '-created_at', customer: customerId });
  return requestProject<RedemptionList>(`/redemptions${query}`);
}

export function listCustomerWallet(customerId: string): Promise<{ data: WalletEntry[]; has_more?: boolean }> {
  return requestProject(`/customers/${path(customerId)}/redeemables${buildQuery({ limit: PAGE_SIZE })}`);
}

export function listCustomerActivity(customerId: string): Promise<{ data: Activity[]; has_more?: boolean }> {
  return requestProject(`/customers/${path(customerId)}/activity${buildQuery({ limit: PAGE_SIZE })}`);
}

export function listCustomerSegments(customerId: string): Promise<{ data: { id: string; name: string }[] }> {
  return requestProject(`/customers/${path(customerId)}/segments`);
}

export function listSegments(request: ListRequest): Promise<ListPage & { data: Segment[] }> {
  return requestProject(`/segments${queryOf(request)}`);
}

export function getSegment(id: string): Promise<Segment> {
  return requestProject<Segment>(`/segments/${path(id)}`);
}

export function listProducts(request: ListRequest): Promise<ListPage & { products: Product[] }> {
  return requestProject(`/products${queryOf(request)}`);
}

export function getProduct(ref: string): Promise<Product> {
  return requestProject<Product>(`/products/${path(ref)}`);
}

export function listProductSkus(productId: string, page: number): Promise<ListPage & { skus: Sku[] }> {
  return requestProject(`/products/${path(productId)}/skus${queryOf({ page })}`);
}

export function listOrders(request: ListRequest): Promise<ListPage & { orders: Order[] }> {
  return requestProject(`/orders${queryOf(request)}`);
}

export function getOrder(ref: string): Promise<Order> {
  return requestProject<Order>(`/orders/${path(ref)}`);
}

/**
 * The redemptions applied to an order. The order object's `redemptions` is empty on this server and
 * redemptions cannot be filtered by order, so this reads the customer's latest redemptions and keeps the
 * ones naming the order: an order without a customer shows none.
 */
export async function listOrderRedemptions(order: Order): Promise<RedemptionList> {
  if (!order.customer_id) return { object: 'list', redemptions: [], total: 0 };
  const query = buildQuery({ limit: 100, order: '-created_at', customer: order.customer_id });
  const list = await requestProject<RedemptionList>(`/redemptions${query}`);
  const redemptions = list.redemptions.filter(
    (redemption) =>
      redemption.order?.id === order.id ||
      (order.source_id !== null && redemption.order?.source_id === order.source_id),
  );
  return { object: 'list', redemptions, total: redemptions.length };
}
