import type { Campaign } from '../../domain/campaigns/campaign.js';
import type { Category } from '../../domain/categories/category.js';
import { notFound } from '../../domain/errors.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { Project } from '../../domain/projects/project.js';
import type { Voucher } from '../../domain/vouchers/voucher.js';
import type { ProjectContext } from '../context.js';
import type { ProjectStore } from '../ports.js';
import type { VoucherListFilters } from '../repositories/voucher-repository.js';
import { loadAssignments } from '../validation-rules/object-rule-assignments.js';
import type { VoucherView } from '../views/voucher-view.js';
import { codeKeyIn } from './voucher-code.js';

/** The live voucher with this code (as the project compares codes), else with this id. */
export async function findVoucherByRef(
  store: ProjectStore,
  project: Project,
  ref: string,
): Promise<Voucher | undefined> {
  return (
    (await store.vouchers.findByCodeKey(codeKeyIn(project, ref))) ??
    (ref.startsWith('v_') ? await store.vouchers.findById(ref) : undefined)
  );
}

export async function getVoucherByRef(store: ProjectStore, project: Project, ref: string): Promise<Voucher> {
  const voucher = await findVoucherByRef(store, project, ref);
  if (!voucher) throw notFound('voucher', ref);
  return voucher;
}

/**
 * Vouchers with their campaigns and categories, each loaded once however many vouchers share it,
 * and their validation rule assignments, all in one query.
 */
export async function viewVouchers(store: ProjectStore, vouchers: readonly Voucher[]): Promise<VoucherView[]> {
  const assignments = await loadAssignments(
    store,
    'voucher',
    vouchers.map((voucher) => voucher.id),
  );
  const campaigns = new Map<string, Campaign | null>();
  const categories = new Map<string, Category | null>();
  const views: VoucherView[] = [];
  for (const voucher of vouchers) {
    let campaign: Campaign | null = null;
    if (voucher.campaign_id !== null) {
      if (!campaigns.has(voucher.campaign_id)) {
        campaigns.set(voucher.campaign_id, (await store.campaigns.findStoredById(voucher.campaign_id)) ?? null);
      }
      campaign = campaigns.get(voucher.campaign_id) ?? null;
    }
    const categoryId = voucher.category_id ?? campaign?.category_id ?? null;
    let category: Category | null = null;
    if (categoryId !== null) {
      if (!categories.has(categoryId))
        categories.set(categoryId, (await store.categories.findById(categoryId)) ?? null);
      category = categories.get(categoryId) ?? null;
    }
    views.push({ voucher, campaign, category, assignments: assignments.get(voucher.id) ?? [] });
  }
  return views;
}

export async function viewVoucher(store: ProjectStore, voucher: Voucher): Promise<VoucherView> {
  const [view] = await viewVouchers(store, [voucher]);
  return view as VoucherView;
}

export async function getVoucher(ctx: ProjectContext, ref: string): Promise<VoucherView> {
  return viewVoucher(ctx.store, await getVoucherByRef(ctx.store, ctx.project, ref));
}

/** What `GET /vouchers` filters by, as the SDK sends it: names or ids of campaign and category. */
export interface VoucherListParams {
  campaign?: string;
  campaign_id?: string;
  category?: string;
  category_id?: string;
  customer?: string;
  code?: string;
  /** Vouch's search: part of the code, whatever the case. */
  search?: string;
}

/** The filters as ids; undefined when one names nothing, so the list is empty. */
async function resolveListFilters(
  store: ProjectStore,
  project: Project,
  params: VoucherListParams,
): Promise<VoucherListFilters | undefined> {
  const filters: VoucherListFilters = {};
  const campaignRef = params.campaign_id ?? params.campaign;
  if (campaignRef !== undefined) {
    const campaign = await store.campaigns.findByRef(campaignRef);
    if (!campaign) return undefined;
    filters.campaign_id = campaign.id;
  }
  const categoryRef = params.category_id ?? params.category;
  if (categoryRef !== undefined) {
    const category = (await store.categories.findById(categoryRef)) ?? (await store.categories.findByName(categoryRef));
    if (!category) return undefined;
    filters.category_id = category.id;
  }
  if (params.customer !== undefined) {
    const customer = await store.customers.findByRef(params.customer);
    if (!customer) return undefined;
    filters.customer_id = customer.id;
  }
  if (params.code !== undefined) filters.code_keys = [codeKeyIn(project, params.code)];
  if (params.search !== undefined) filters.search = params.search;
  return filters;
}

export async function listVouchers(
  ctx: ProjectContext,
  query: ListQuery,
  params: VoucherListParams,
): Promise<ListPage<VoucherView>> {
  const filters = await resolveListFilters(ctx.store, ctx.project, params);
  if (!filters) return { items: [], total: 0, has_more: false };
  const page = await ctx.store.vouchers.list(query, filters);
  return { ...page, items: await viewVouchers(ctx.store, page.items) };
}
