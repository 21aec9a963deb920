import type { Generated } from 'kysely';
import type { DashboardSessionsTable, DashboardUserProjectsTable, DashboardUsersTable } from './tables-dashboard.js';
import type {
  ExportsTable,
  PublicationsTable,
  ReferralConversionsTable,
  ReferralHoldersTable,
  ValidationSessionsTable,
  VoucherTransactionsTable,
} from './tables-distribution.js';
import type {
  PromotionIndexVersionsTable,
  PromotionStacksTable,
  PromotionTiersTable,
  StackingRulesTable,
} from './tables-promotions.js';

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

export interface ValidationRulesTable {
  id: string;
  project_id: string;
  name: string;
  /** JSON: the checked rules object, as echoed. */
  rules: string;
  /** JSON, or null: accepted by Voucherify for bundles; not stored by Vouch yet. */
  bundle_rules: string | null;
  /** JSON: `{message}`, or null. */
  error: string | null;
  /** JSON: the checked applicable_to definition. */
  applicable_to: string;
  type: string;
  context_type: string;
  /** Raised by every update: a compiled copy of an older revision is stale. */
  revision: Generated<number>;
  created_at: string;
  updated_at: string | null;
}

export interface ValidationRulesAssignmentsTable {
  id: string;
  project_id: string;
  rule_id: string;
  related_object_type: string;
  related_object_id: string;
  created_at: string;
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

export interface CampaignsTable {
  id: string;
  project_id: string;
  name: string;
  description: string | null;
  campaign_type: string;
  type: 'AUTO_UPDATE' | 'STATIC' | 'STANDALONE';
  /** JSON: CampaignVoucherTemplate, what every voucher of the campaign is unless it says otherwise. */
  voucher: string;
  auto_join: number;
  join_once: number;
  use_voucher_metadata_schema: number;
  start_date: string | null;
  expiration_date: string | null;
  validity_timeframe: string | null;
  validity_day_of_week: string | null;
  validity_hours: string | null;
  activity_duration_after_publishing: string | null;
  active: number;
  metadata: string;
  category_id: string | null;
  vouchers_count: number;
  /** The campaign's standing redemptions and their orders' amounts: what campaign-wide rules compare. */
  redemptions_count: Generated<number | string>;
  orders_amount: Generated<number | string>;
  vouchers_generation_status: string;
  protected: number;
  created_at: string;
  updated_at: string | null;
  deleted_at: string | null;
  /** JSON: a REFERRAL_PROGRAM campaign's ReferralProgram; null for other campaigns (0015). */
  referral_program: string | null;
}

/** A voucher; in a campaign, null columns take the campaign's voucher template. */
export interface VouchersTable {
  id: string;
  project_id: string;
  code: string;
  code_key: string;
  campaign_id: string | null;
  category_id: string | null;
  type: string | null;
  discount: string | null;
  gift: string | null;
  loyalty_card: string | null;
  start_date: string | null;
  expiration_date: string | null;
  validity_timeframe: string | null;
  validity_day_of_week: string | null;
  validity_hours: string | null;
  active: number | null;
  additional_info: string | null;
  metadata: string | null;
  is_referral_code: number | null;
  holder_id: string | null;
  referrer_id: string | null;
  redemption_quantity: number | null;
  redeemed_quantity: Generated<number>;
  /** Uses the voucher was imported with; no redemption rows stand behind them. */
  imported_redeemed_quantity: Generated<number>;
  publish_count: Generated<number>;
  /** The latest expiry a validation session gave one of its uses (see validation_sessions). */
  reserved_until: Generated<string | null>;
  /** Gift credits before the first movement; null until then (see migration 0014). */
  gift_opening: Generated<number | string | null>;
  /** Lifetime gift credits, once moved. */
  gift_total: Generated<number | string | null>;
  /** Gift credits left, once moved; only conditional relative writes change it. */
  gift_balance: Generated<number | string | null>;
  created_at: string;
  updated_at: string | null;
  deleted_at: string | null;
}

/** Redemptions and their rollbacks (`object`), successful or failed (`result`). */
export interface RedemptionsTable {
  id: string;
  project_id: string;
  object: 'redemption' | 'redemption_rollback';
  result: 'SUCCESS' | 'FAILURE';
  status: 'SUCCEEDED' | 'FAILED' | 'ROLLED_BACK';
  customer_id: string | null;
  tracking_id: string | null;
  metadata: string;
  amount: number;
  discount_amount: number;
  /** bigint on PostgreSQL, which pg hands over as text. */
  order_amount: number | string | null;
  order_id: string | null;
  voucher_id: string | null;
  voucher_code: string | null;
  campaign_id: string | null;
  related_object_type: string;
  related_object_id: string | null;
  parent_id: string | null;
  rollback_of: string | null;
  rollback_id: string | null;
  reason: string | null;
  failure_code: string | null;
  failure_message: string | null;
  channel_type: string;
  channel_id: string | null;
  session_key: string | null;
  /** JSON: what the answer shows of the voucher and its discount at that moment. */
  snapshot: string;
  created_at: string;
  updated_at: string | null;
}

/** Custom events tracked for customers (`POST /v1/events`). */
export interface CustomEventsTable {
  id: string;
  project_id: string;
  customer_id: string;
  event: string;
  metadata: string;
  /** JSON, or null: the referral and loyalty codes the event named. */
  referral: string | null;
  loyalty: string | null;
  channel: string;
  request_id: string | null;
  created_at: string;
}

/** Events written in the same transaction as the change they describe, delivered after commit. */
export interface OutboxTable {
  id: string;
  project_id: string;
  type: string;
  payload: string;
  created_at: string;
  published_at: string | null;
}

export interface IdempotencyKeysTable {
  project_id: string;
  scope: string;
  key: string;
  /** A hash of the request, so a key reused for another request is refused. */
  fingerprint: string;
  status_code: number;
  response: string;
  created_at: string;
}

/** A customer segment; `filter` is JSON (null for a static segment). */
export interface SegmentsTable {
  id: string;
  project_id: string;
  name: string;
  type: string;
  filter: string | null;
  initial_sync_status: string;
  created_at: string;
  updated_at: string | null;
}

/** One customer in one segment; the unique row makes entering a segment happen once. */
export interface SegmentMembersTable {
  project_id: string;
  segment_id: string;
  customer_id: string;
  created_at: string;
}

/** One metadata schema per resource name (`related_object`) in a project. */
export interface MetadataSchemasTable {
  id: string;
  project_id: string;
  related_object: string;
  /** JSON: the property definitions, by name. */
  properties: string;
  allow_defined_only: number;
  /** Bumped by every update; an update names the version it read, so concurrent ones never lose each other's changes. */
  version: number;
  created_at: string;
  updated_at: string | null;
}

export type * from './tables-dashboard.js';
export type * from './tables-distribution.js';
export type * from './tables-promotions.js';

export interface Database {
  projects: ProjectsTable;
  api_keys: ApiKeysTable;
  system_state: SystemStateTable;
  customers: CustomersTable;
  products: ProductsTable;
  skus: SkusTable;
  product_collections: ProductCollectionsTable;
  categories: CategoriesTable;
  validation_rules: ValidationRulesTable;
  validation_rules_assignments: ValidationRulesAssignmentsTable;
  orders: OrdersTable;
  async_actions: AsyncActionsTable;
  campaigns: CampaignsTable;
  vouchers: VouchersTable;
  redemptions: RedemptionsTable;
  segments: SegmentsTable;
  segment_members: SegmentMembersTable;
  outbox: OutboxTable;
  idempotency_keys: IdempotencyKeysTable;
  custom_events: CustomEventsTable;
  metadata_schemas: MetadataSchemasTable;
  stacking_rules: StackingRulesTable;
  validation_sessions: ValidationSessionsTable;
  dashboard_users: DashboardUsersTable;
  dashboard_user_projects: DashboardUserProjectsTable;
  dashboard_sessions: DashboardSessionsTable;
  publications: PublicationsTable;
  voucher_transactions: VoucherTransactionsTable;
  exports: ExportsTable;
  promotion_tiers: PromotionTiersTable;
  promotion_stacks: PromotionStacksTable;
  promotion_index_versions: PromotionIndexVersionsTable;
  referral_holders: ReferralHoldersTable;
  referral_conversions: ReferralConversionsTable;
}
