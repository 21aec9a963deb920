import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { PromotionStack } from '../../domain/promotions/promotion-stack.js';

export interface PromotionStackRepository {
  findById(id: string): Promise<PromotionStack | undefined>;
  /** The campaign's stacks, oldest first. */
  listForCampaign(campaignId: string): Promise<PromotionStack[]>;
  /** Stacks of every campaign. */
  list(query: ListQuery): Promise<ListPage<PromotionStack>>;
  insert(stack: PromotionStack): Promise<void>;
  update(stack: PromotionStack): Promise<void>;
  delete(id: string): Promise<boolean>;
  deleteForCampaign(campaignId: string): Promise<number>;
}
