/**
 * Row types of every table, as Kysely sees them. Both databases store the same shapes:
 * timestamps are ISO-8601 strings with milliseconds (they sort as text), money and counters are
 * integers in minor units, and nested objects (metadata, addresses, items) are JSON text.
 */

export interface ProjectsTable {
  id: string;
  name: string;
  description: string | null;
  /** JSON: ProjectSettings. */
  settings: string;
  webhook_token: string;
  created_at: string;
  updated_at: string | null;
}

export interface ApiKeysTable {
  id: string;
  /** Null for management keys, which reach every project. */
  project_id: string | null;
  kind: 'server' | 'client' | 'management';
  app_id: string;
  /** SHA-256 of the secret, hex; secrets are random, so a fast hash is enough. */
  secret_hash: string;
  name: string | null;
  created_at: string;
}

export interface SystemStateTable {
  key: string;
  value: string;
  created_at: string;
}

export interface CustomersTable {
  id: string;
  project_id: string;
  source_id: string | null;
  name: string | null;
  description: string | null;
  email: string | null;
  phone: string | null;
  birthdate: string | null;
  birthday: string | null;
  address: string | null;
  metadata: string;
  created_at: string;
  updated_at: string | null;
}

export interface ProductsTable {
  id: string;
  project_id: string;
  source_id: string | null;
  name: string | null;
  price: number | null;
  attributes: string;
  metadata: string;
  image_url: string | null;
  created_at: string;
  updated_at: string | null;
  /** Set when a product is moved to the bin (delete without force); its source_id stays taken. */
  deleted_at: string | null;
}

export interface SkusTable {
  id: string;
  project_id: string;
  product_id: string;
  source_id: string | null;
  sku: string | null;
  price: number | null;
  currency: string | null;
  attributes: string;
  image_url: string | null;
  metadata: string;
  created_at: string;
  updated_at: string | null;
  deleted_at: string | null;
}

export interface ProductCollectionsTable {
  id: string;
  project_id: string;
  name: string;
  type: 'STATIC' | 'AUTO_UPDATE';
  /** JSON: the AUTO_UPDATE filter, or null. */
  filter: string | null;
  /** JSON: the STATIC members [{id, product_id?, object}], or null. */
  products: string | null;
  created_at: string;
}

export interface CategoriesTable {
  id: string;
  project_id: string;
  name: string;
  hierarchy: number;
  created_at: string;
  updated_at: string | null;
}

export interface OrdersTable {
  id: string;
  project_id: string;
  source_id: string | null;
  status: 'CREATED' | 'PAID' | 'CANCELED' | 'FULFILLED';
  amount: number;
  initial_amount: number;
  discount_amount: number;
  items_discount_amount: number;
  total_discount_amount: number;
  total_amount: number;
  /** JSON: the priced order items. */
  items: string;
  metadata: string;
  customer_id: string | null;
  referrer_id: string | null;
  created_at: string;
  updated_at: string | null;
}

export interface AsyncActionsTable {
  id: string;
  project_id: string;
  type: string;
  status: 'ENQUEUED' | 'IN_PROGRESS' | 'DONE' | 'FAILED';
  operation_status: 'SUCCESS' | 'FAILED' | 'UNKNOWN' | null;
  /** JSON: the request the action carries out. */
  payload: string;
  /** JSON: what the action reports when done. */
  result: string | null;
  progress: number;
  processing_time: number | null;
  request_id: string | null;
  /** Which worker holds the action and until when; an expired lease lets another worker take it. */
  claimed_by: string | null;
  lease_until: string | null;
  attempts: number;
  created_at: string;
  updated_at: string | null;
}

export interface Database {
  projects: ProjectsTable;
  api_keys: ApiKeysTable;
  system_state: SystemStateTable;
  customers: CustomersTable;
  products: ProductsTable;
  skus: SkusTable;
  product_collections: ProductCollectionsTable;
  categories: CategoriesTable;
  orders: OrdersTable;
  async_actions: AsyncActionsTable;
}
