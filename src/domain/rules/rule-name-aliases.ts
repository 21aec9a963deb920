import type { RuleName } from './rule-catalog.js';

export interface RuleNameAlias {
  name: RuleName;
  /** What an item reference without `object` names under this legacy rule. */
  refObject?: 'product' | 'sku';
}

/** Older names Voucherify still accepts, and what Vouch reads them as. */
export const RULE_NAME_ALIASES: Readonly<Record<string, RuleNameAlias>> = {
  customer_segment: { name: 'customer.segment' },
  'product.id': { name: 'order.items.any', refObject: 'product' },
  'sku.id': { name: 'order.items.any', refObject: 'sku' },
  'product.price': { name: 'order.items.price' },
  'sku.price': { name: 'order.items.price' },
  'product.quantity': { name: 'order.items.quantity' },
  'sku.quantity': { name: 'order.items.quantity' },
  'sku.discount_applicable': { name: 'product.discount_applicable' },
};

/** Voucherify rule names Vouch does not evaluate yet: refused with a message that says so. */
export const UNSUPPORTED_RULE_NAMES: ReadonlySet<string> = new Set([
  'campaign.orders.amount_discounted',
  'campaign.redemptions.count.daily',
  'campaign.redemptions.count.monthly',
  'campaign.redemptions.customers_count',
  'campaign.redemptions.customers_count.daily',
  'campaign.redemptions.customers_count.monthly',
  'redemption.gift.amount',
  'redemption.count.per_customer.daily',
  'redemption.count.per_customer.monthly',
  'redemption.api_key',
  'redemption.count.per_api_key',
  'redemption.user.login',
  'redemption.count.per_user',
  'redemption.reward.pay_with_points.points_used',
  'product.metadata.aggregated_quantity',
  'product.metadata.aggregated_amount',
  'product.metadata.discount_applicable',
  'product.metadata.match_all',
  'publication.redeemable_by_linked_customer',
  'order.items.metadata_any',
  'order.items.metadata_each',
]);
