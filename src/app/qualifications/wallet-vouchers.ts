import type { Campaign } from '../../domain/campaigns/campaign.js';
import type { Category } from '../../domain/categories/category.js';
import { resolveVoucher } from '../../domain/vouchers/resolve-voucher.js';
import type { ProjectStore } from '../ports.js';
import type { LoadedVoucher } from '../redemptions/load-voucher.js';

/**
 * Most codes one customer's wallet is checked for: a customer holding more (a bulk publication
 * gone wrong) still gets an answer in bounded time, from the newest codes they hold.
 */
export const MAX_WALLET_VOUCHERS = 500;

/** Reads each campaign and category once per request, however many codes share it. */
export class CampaignCategoryCache {
  private readonly campaigns = new Map<string, Promise<Campaign | null>>();
  private readonly categories = new Map<string, Promise<Category | null>>();
  /** The categories whose read has finished, for callers that judge without awaiting. */
  private readonly readCategories = new Map<string, Category | null>();

  constructor(private readonly store: ProjectStore) {}

  campaign(id: string): Promise<Campaign | null> {
    let found = this.campaigns.get(id);
    if (!found) {
      found = this.store.campaigns.findById(id).then((campaign) => campaign ?? null);
      this.campaigns.set(id, found);
    }
    return found;
  }

  category(id: string | null): Promise<Category | null> {
    if (id === null) return Promise.resolve(null);
    let found = this.categories.get(id);
    if (!found) {
      found = this.store.categories.findById(id).then((category) => {
        this.readCategories.set(id, category ?? null);
        return category ?? null;
      });
      this.categories.set(id, found);
    }
    return found;
  }

  /** The category when no read is needed (none named, or already read); undefined otherwise. */
  categoryAtOnce(id: string | null): Category | null | undefined {
    return id === null ? null : this.readCategories.get(id);
  }
}

/** The codes the customer holds, each with its campaign and category, as a validation loads one. */
export async function loadWalletVouchers(
  store: ProjectStore,
  cache: CampaignCategoryCache,
  customerId: string,
): Promise<LoadedVoucher[]> {
  const held = await store.vouchers.listHeldBy(customerId, MAX_WALLET_VOUCHERS);
  const loaded: LoadedVoucher[] = [];
  for (const stored of held) {
    const campaign = stored.campaign_id ? await cache.campaign(stored.campaign_id) : null;
    const effective = resolveVoucher(stored, campaign);
    loaded.push({ stored, effective, campaign, category: await cache.category(effective.category_id) });
  }
  return loaded;
}
