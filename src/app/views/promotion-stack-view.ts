import type { Category } from '../../domain/categories/category.js';
import type { PromotionStack } from '../../domain/promotions/promotion-stack.js';
import { toCategoryObject } from './category-view.js';

export interface PromotionStackView {
  stack: PromotionStack;
  category: Category | null;
}

/** Voucherify's promotion stack object. */
export function toPromotionStackObject({ stack, category }: PromotionStackView) {
  return {
    id: stack.id,
    name: stack.name,
    tiers: { ids: stack.tier_ids, hierarchy_mode: stack.hierarchy_mode },
    created_at: stack.created_at,
    updated_at: stack.updated_at,
    campaign_id: stack.campaign_id,
    object: 'promotion_stack' as const,
    category_id: stack.category_id,
    categories: category ? [toCategoryObject(category)] : [],
  };
}

export type PromotionStackObject = ReturnType<typeof toPromotionStackObject>;
