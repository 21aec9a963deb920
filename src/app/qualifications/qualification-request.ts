import type { Campaign } from '../../domain/campaigns/campaign.js';
import type { Category } from '../../domain/categories/category.js';
import type { CalculatedOrder } from '../../domain/discounts/calculated-order.js';
import type { Discount } from '../../domain/discounts/discount.js';
import type { Metadata } from '../../domain/metadata.js';
import type { PromotionStack } from '../../domain/promotions/promotion-stack.js';
import type { PromotionTier } from '../../domain/promotions/promotion-tier.js';
import type { QualificationFilters } from '../../domain/qualifications/filter-redeemables.js';
import type {
  QualificationScenario,
  QualifiedRedeemable,
  SortingRule,
} from '../../domain/qualifications/qualified-redeemable.js';
import type { AssignedDefinition } from '../../domain/rules/check-assigned-rules.js';
import type { CustomerUpsert } from '../customers/upsert-customer.js';
import type { OrderUpsert } from '../orders/upsert-order.js';
import type { LoadedVoucher } from '../redemptions/load-voucher.js';
import type { VoucherRulesCheck } from '../redemptions/voucher-rules.js';

export const QUALIFICATION_EXPANDS = ['redeemable', 'category', 'validation_rules'] as const;
export type QualificationExpand = (typeof QUALIFICATION_EXPANDS)[number];

export interface QualificationOptions {
  limit?: number | null;
  starting_after?: string | null;
  filters?: QualificationFilters | null;
  expand?: readonly QualificationExpand[] | null;
  sorting_rule?: SortingRule | null;
}

/** `POST /qualifications`: who, with what cart, asks what they can get. */
export interface QualificationRequest {
  customer?: CustomerUpsert | null;
  order?: OrderUpsert | null;
  tracking_id?: string | null;
  scenario?: QualificationScenario | null;
  options?: QualificationOptions | null;
  session?: unknown;
  metadata?: Metadata | null;
}

/** What the cart gets from a redeemable on its own: a discount, gift credits, or loyalty points held. */
export interface QualificationResult {
  discount?: Discount;
  gift?: { balance: number; credits: number };
  loyalty_card?: { points: number; balance: number };
}

export type QualifiedSource =
  | { kind: 'voucher'; voucher: LoadedVoucher }
  | { kind: 'promotion_tier'; tier: PromotionTier; campaign: Campaign }
  | { kind: 'promotion_stack'; stack: PromotionStack; campaign: Campaign; tiers: QualifiedEntry[] }
  | { kind: 'campaign'; campaign: Campaign };

/** A redeemable that qualified, with what it gives the cart alone and what its answer shows. */
export interface QualifiedEntry extends QualifiedRedeemable {
  source: QualifiedSource;
  result: QualificationResult;
  order: CalculatedOrder | null;
  rules: VoucherRulesCheck;
  definitions: readonly AssignedDefinition[];
  category: Category | null;
  /** Product scenarios: the cart lines it is listed for, shown as its `applicable_to`. */
  products?: readonly number[];
}
