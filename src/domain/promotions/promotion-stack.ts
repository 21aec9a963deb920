/** Most tiers one stack holds, as Voucherify allows. */
export const MAX_TIERS_PER_STACK = 30;

export const HIERARCHY_MODES = ['MANUAL'] as const;
export type HierarchyMode = (typeof HIERARCHY_MODES)[number];

/** Tiers of one PROMOTION campaign applied together, in the order `tier_ids` lists them. */
export interface PromotionStack {
  id: string;
  campaign_id: string;
  name: string;
  tier_ids: string[];
  hierarchy_mode: HierarchyMode;
  category_id: string | null;
  created_at: string;
  updated_at: string | null;
}
