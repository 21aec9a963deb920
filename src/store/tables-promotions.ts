import type { Generated } from 'kysely';

/**
 * Row types of promotions: tiers, stacks, the project's stacking rules and the active-tier index's
 * version. tables.ts says the conventions every table follows.
 */

/** A tier of a PROMOTION campaign; the counters are changed by atomic updates only. */
export interface PromotionTiersTable {
  id: string;
  project_id: string;
  campaign_id: string;
  name: string;
  banner: string | null;
  /** JSON: the checked discount. */
  discount: string;
  metadata: string;
  hierarchy: number;
  active: number;
  start_date: string | null;
  expiration_date: string | null;
  validity_timeframe: string | null;
  validity_day_of_week: string | null;
  validity_hours: string | null;
  category_id: string | null;
  redeemed_quantity: Generated<number>;
  orders_total_amount: Generated<number>;
  orders_total_discount_amount: Generated<number>;
  created_at: string;
  updated_at: string | null;
}

/** Tiers of one campaign applied together; `tier_ids` is JSON, in the order they apply. */
export interface PromotionStacksTable {
  id: string;
  project_id: string;
  campaign_id: string;
  name: string;
  tier_ids: string;
  hierarchy_mode: string;
  category_id: string | null;
  created_at: string;
  updated_at: string | null;
}

/** A project's stacking rules, when it set them; `rules` is JSON (domain StackingRules). One row per project. */
export interface StackingRulesTable {
  id: string;
  project_id: string;
  rules: string;
  created_at: string;
  updated_at: string | null;
}

export interface PromotionIndexVersionsTable {
  project_id: string;
  /** bigint on PostgreSQL, which pg hands over as text. */
  version: number | string;
}
