import { notFound } from '../../domain/errors.js';
import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import type { Redemption } from '../../domain/redemptions/redemption.js';
import type { ProjectContext } from '../context.js';
import type { RedemptionListFilters } from '../repositories/redemption-repository.js';
import { type LoadedVoucher, loadVoucher } from './load-voucher.js';

export async function getRedemption(ctx: ProjectContext, id: string): Promise<Redemption> {
  const redemption = await ctx.store.redemptions.findById(id);
  if (!redemption) throw notFound('redemption', id);
  return redemption;
}

/** The list's filters as the API names them: a campaign by name, a customer by id or source_id, a voucher by code. */
export interface RedemptionListRequest extends Pick<RedemptionListFilters, 'result' | 'object' | 'status' | 'search'> {
  campaign?: string;
  customer?: string;
  voucher?: string;
}

/** Matches no row: a filter naming something that does not exist finds nothing, not everything. */
const NOTHING = 'none:';

export async function listRedemptions(
  ctx: ProjectContext,
  query: ListQuery,
  request: RedemptionListRequest,
): Promise<ListPage<Redemption>> {
  const { campaign, customer, voucher, ...filters } = request;
  const resolved: RedemptionListFilters = { ...filters };
  if (campaign !== undefined) resolved.campaign_id = (await ctx.store.campaigns.findByName(campaign))?.id ?? NOTHING;
  if (customer !== undefined) resolved.customer_id = (await ctx.store.customers.findByRef(customer))?.id ?? NOTHING;
  if (voucher !== undefined) {
    const found = await loadVoucher(ctx.store, ctx.project, voucher).catch(() => undefined);
    resolved.voucher_id = found?.stored.id ?? NOTHING;
  }
  return ctx.store.redemptions.list(query, resolved);
}

/** GET /vouchers/{code}/redemption: the voucher's uses and its redemption entries. */
export async function listVoucherRedemptions(
  ctx: ProjectContext,
  code: string,
  query: ListQuery,
): Promise<{ voucher: LoadedVoucher; page: ListPage<Redemption> }> {
  const voucher = await loadVoucher(ctx.store, ctx.project, code);
  const page = await ctx.store.redemptions.list(query, { voucher_id: voucher.stored.id });
  return { voucher, page };
}
