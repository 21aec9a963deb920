import type { Customer } from '../../domain/customers/customer.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { Publication, PublicationResult } from '../../domain/publications/publication.js';
import { codeKey } from '../../domain/vouchers/code-key.js';
import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';
import { CampaignCategoryCache } from '../qualifications/wallet-vouchers.js';
import type { PublicationListFilters } from '../repositories/publication-repository.js';
import type { VoucherView } from '../views/voucher-view.js';

/** A publication with its customer and the vouchers it handed out, as they are now. */
export interface PublishedOutcome {
  publication: Publication;
  customer: Customer | null;
  vouchers: VoucherView[];
}

async function viewVouchers(store: ProjectStore, cache: CampaignCategoryCache, ids: readonly string[]) {
  const views: VoucherView[] = [];
  for (const id of ids) {
    const voucher = (await store.vouchers.findStoredById(id))?.voucher;
    if (!voucher) continue;
    const campaign = voucher.campaign_id ? await cache.campaign(voucher.campaign_id) : null;
    const category = await cache.category(voucher.category_id ?? campaign?.category_id ?? null);
    views.push({ voucher, campaign, category });
  }
  return views;
}

export async function loadPublished(store: ProjectStore, publication: Publication): Promise<PublishedOutcome> {
  const cache = new CampaignCategoryCache(store);
  const customer = (await store.customers.findById(publication.customer_id)) ?? null;
  return { publication, customer, vouchers: await viewVouchers(store, cache, publication.voucher_ids) };
}

/** The list's filters as the API names them: a campaign by name or id, a customer and a voucher code. */
export interface PublicationListParams {
  campaign?: string;
  customer?: string;
  voucher?: string;
  result?: PublicationResult;
  voucher_type?: string;
  is_referral_code?: boolean;
  source_id?: string;
}

/** What a list entry shows: the customer and the first voucher only (a list embeds no more). */
export interface ListedPublication {
  publication: Publication;
  customer: Customer | null;
  voucher: VoucherView | null;
}

const NOTHING: ListPage<ListedPublication> = { items: [], total: 0, has_more: false };

/** The API's `voucher_type` values (`discount`, `loyalty`, ...) as stored voucher types. */
const VOUCHER_TYPES: Record<string, string> = {
  discount: 'DISCOUNT_VOUCHER',
  gift: 'GIFT_VOUCHER',
  loyalty: 'LOYALTY_CARD',
  loyalty_card: 'LOYALTY_CARD',
};

/**
 * GET /v1/publications. A named campaign, customer or voucher that does not exist matches nothing
 * (an empty list, as a filter on an unknown value gives), rather than a 404.
 */
export async function listPublications(
  ctx: ProjectContext,
  query: ListQuery,
  params: PublicationListParams,
): Promise<ListPage<ListedPublication>> {
  const { store } = ctx;
  const filters: PublicationListFilters = {
    result: params.result,
    source_id: params.source_id,
    is_referral_code: params.is_referral_code === true ? true : undefined,
  };
  if (params.voucher_type !== undefined) {
    filters.voucher_type = VOUCHER_TYPES[params.voucher_type.toLowerCase()] ?? params.voucher_type.toUpperCase();
  }
  if (params.campaign !== undefined) {
    const campaign = await store.campaigns.findByRef(params.campaign);
    if (!campaign) return NOTHING;
    filters.campaign_id = campaign.id;
  }
  if (params.customer !== undefined) {
    const customer = await store.customers.findByRef(params.customer);
    if (!customer) return NOTHING;
    filters.customer_id = customer.id;
  }
  if (params.voucher !== undefined) {
    const voucher = await store.vouchers.findStoredByCodeKey(
      codeKey(params.voucher, ctx.project.settings.case_sensitive_codes),
    );
    if (!voucher) return NOTHING;
    filters.voucher_id = voucher.voucher.id;
  }
  const page = await store.publications.list(query, filters);
  const customers = new Map(
    (await store.customers.findManyByIds([...new Set(page.items.map((p) => p.customer_id))])).map((c) => [c.id, c]),
  );
  const cache = new CampaignCategoryCache(store);
  const items: ListedPublication[] = [];
  for (const publication of page.items) {
    const first = publication.voucher_ids[0];
    const [voucher] = first ? await viewVouchers(store, cache, [first]) : [];
    items.push({ publication, customer: customers.get(publication.customer_id) ?? null, voucher: voucher ?? null });
  }
  return { ...page, items };
}
