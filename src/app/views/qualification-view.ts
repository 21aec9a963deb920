import { startCalculation } from '../../domain/discounts/calculated-order.js';
import type { OrderItem } from '../../domain/orders/order.js';
import {
  type ApplicableToList,
  type ApplicableToObject,
  toApplicableToLists,
} from '../../domain/rules/applicable-items.js';
import type { ValidationRuleAssignment } from '../../domain/rules/validation-rule.js';
import { stackingRulesTypeOf } from '../../domain/stacking/stacking-rules.js';
import type { Qualification } from '../qualifications/check-eligibility.js';
import type { QualificationExpand, QualifiedEntry } from '../qualifications/qualification-request.js';
import type { SpendMoreHint } from '../qualifications/spend-more-hints.js';
import { toStackingRulesObject } from '../stacking/stacking-rules-view.js';
import { toCategoryObject } from './category-view.js';
import { toPromotionOrderObject } from './promotion-validation-view.js';
import { toAssignmentsList } from './voucher-view.js';

const EMPTY_LIST = { object: 'list' as const, data_ref: 'data' as const, data: [], total: 0 };

export interface QualificationViewOptions {
  expand: ReadonlySet<QualificationExpand>;
  trackingId: string | null;
  /** Validation rule assignments of the listed redeemables, by `object:id` (with expand validation_rules). */
  assignments: ReadonlyMap<string, readonly ValidationRuleAssignment[]>;
}

export function assignmentKeyOf(entry: Pick<QualifiedEntry, 'object' | 'id'>): string {
  return `${entry.object}:${entry.id}`;
}

/** What `expand: ["redeemable"]` adds: the redeemable's metadata and names, and its campaign's. */
function redeemableDetails(entry: QualifiedEntry) {
  const { source } = entry;
  switch (source.kind) {
    case 'voucher':
      return {
        metadata: source.voucher.effective.metadata,
        ...(source.voucher.campaign
          ? { campaign_name: source.voucher.campaign.name, campaign_id: source.voucher.campaign.id }
          : {}),
      };
    case 'promotion_tier':
      return {
        metadata: source.tier.metadata,
        name: source.tier.name,
        ...(source.tier.banner !== null ? { banner: source.tier.banner } : {}),
        campaign_name: source.campaign.name,
        campaign_id: source.campaign.id,
      };
    case 'promotion_stack':
      return {
        metadata: {},
        name: source.stack.name,
        campaign_name: source.campaign.name,
        campaign_id: source.campaign.id,
      };
    // The spec names campaign_name and campaign_id only for what is not itself a campaign.
    case 'campaign':
      return { metadata: source.campaign.metadata, name: source.campaign.name };
  }
}

/** A cart line as an `applicable_to` entry: its SKU when it names one, else its product. */
function lineEntry(item: OrderItem, line: number): ApplicableToObject {
  const isSku = item.sku_id !== null;
  return {
    object: isSku ? 'sku' : 'product',
    id: (isSku ? item.sku_id : item.product_id) as string,
    source_id: (isSku ? item.sku?.source_id : item.product?.source_id) ?? item.source_id,
    strict: false,
    effect: 'APPLY_TO_EVERY',
    ...(isSku && item.product_id !== null ? { product_id: item.product_id } : {}),
    order_item_indices: [line],
  };
}

/**
 * A product scenario's `applicable_to`: the rules' entries that reach the lines it is listed for,
 * then each such line no entry covers (a unit discount's product, a product a rule asks for).
 */
function productLists(
  lines: readonly number[],
  items: readonly OrderItem[],
  lists: { applicable_to: ApplicableToList; inapplicable_to: ApplicableToList },
) {
  const wanted = new Set(lines);
  const kept = lists.applicable_to.data.filter((entry) => entry.order_item_indices?.some((line) => wanted.has(line)));
  const covered = new Set(kept.flatMap((entry) => entry.order_item_indices ?? []));
  const added = lines.flatMap((line) => {
    const item = items[line];
    return item && !covered.has(line) ? [lineEntry(item, line)] : [];
  });
  const data = [...kept, ...added];
  return { ...lists, applicable_to: { ...lists.applicable_to, data, total: data.length } };
}

/** One redeemable as the qualification lists it: what it gives the cart alone, then what `expand` asks. */
function toRedeemableObject(
  entry: QualifiedEntry,
  qualification: Qualification,
  options: QualificationViewOptions,
): Record<string, unknown> {
  const { order, rules } = entry;
  const { expand } = options;
  const items = order?.items ?? qualification.order?.items ?? [];
  const ruleLists = rules.applicableTo
    ? toApplicableToLists(rules.applicableTo, order || entry.products ? { items, targets: rules.targets } : undefined)
    : { applicable_to: EMPTY_LIST, inapplicable_to: EMPTY_LIST };
  const lists = entry.products ? productLists(entry.products, items, ruleLists) : ruleLists;
  const stackingRules = qualification.stackingRules.rules;
  return {
    id: entry.id,
    object: entry.object,
    created_at: entry.created_at,
    result: entry.result,
    ...(order ? { order: toPromotionOrderObject(order) } : {}),
    ...lists,
    ...(expand.has('redeemable') ? redeemableDetails(entry) : {}),
    ...(expand.has('category')
      ? {
          categories: entry.category
            ? [toCategoryObject(entry.category, stackingRulesTypeOf(entry.category.id, stackingRules))]
            : [],
        }
      : {}),
    ...(expand.has('validation_rules')
      ? {
          validation_rules_assignments: toAssignmentsList(options.assignments.get(assignmentKeyOf(entry)) ?? []),
        }
      : {}),
    ...(entry.source.kind === 'promotion_stack'
      ? { redeemables: entry.source.tiers.map((tier) => toRedeemableObject(tier, qualification, options)) }
      : {}),
  };
}

/** Vouch's own addition: the tiers the cart misses only by its amount, nearest first. */
function toSpendMoreList(hints: readonly SpendMoreHint[]) {
  return {
    object: 'list' as const,
    data_ref: 'data' as const,
    data: hints.map((hint) => ({
      id: hint.tier.id,
      object: 'promotion_tier' as const,
      name: hint.tier.name,
      ...(hint.tier.banner !== null ? { banner: hint.tier.banner } : {}),
      campaign_id: hint.campaign.id,
      campaign_name: hint.campaign.name,
      amount_to_spend: hint.amount_to_spend,
      order_amount_needed: hint.order_amount_needed,
      discount: hint.tier.discount,
      discount_amount: hint.discount_amount,
    })),
    total: hints.length,
  };
}

/**
 * The qualification answer (QualificationsCheckEligibilityResponseBody): the page of redeemables,
 * the cart as sent, the stacking rules in force; plus `spend_more`, which Voucherify has not.
 */
export function toQualificationObject(qualification: Qualification, options: QualificationViewOptions) {
  const { page, order, stackingRules } = qualification;
  return {
    redeemables: {
      object: 'list' as const,
      data_ref: 'data' as const,
      data: page.data.map((entry) => toRedeemableObject(entry, qualification, options)),
      total: page.data.length,
      has_more: page.has_more,
      ...(page.more_starting_after !== null ? { more_starting_after: page.more_starting_after } : {}),
    },
    ...(options.trackingId ? { tracking_id: options.trackingId } : {}),
    ...(order ? { order: toPromotionOrderObject(startCalculation(order)) } : {}),
    stacking_rules: toStackingRulesObject(stackingRules.stored, stackingRules.rules),
    spend_more: toSpendMoreList(qualification.spendMore),
  };
}

export type QualificationObject = ReturnType<typeof toQualificationObject>;
