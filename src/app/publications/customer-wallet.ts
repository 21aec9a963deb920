import type { ListPage, ListQuery } from '../../domain/lists/list-query.js';
import { type RedeemableStatus, redeemableStatus } from '../../domain/publications/redeemable-status.js';
import { resolveVoucher } from '../../domain/vouchers/resolve-voucher.js';
import type { ProjectContext } from '../context.js';
import { getCustomerByRef } from '../customers/upsert-customer.js';
import { CampaignCategoryCache } from '../qualifications/wallet-vouchers.js';
import type { VoucherView } from '../views/voucher-view.js';

/** One code in a customer's wallet, with what the wallet says of it. */
export interface WalletEntry {
  customerId: string;
  view: VoucherView;
  status: RedeemableStatus;
}

/** GET /v1/customers/{id}/redeemables: the codes the customer holds, a page at a time. */
export async function listCustomerRedeemables(
  ctx: ProjectContext,
  customerRef: string,
  query: ListQuery,
): Promise<ListPage<WalletEntry>> {
  const { store } = ctx;
  const customer = await getCustomerByRef(store, customerRef);
  const page = await store.vouchers.listHeld(customer.id, query);
  const cache = new CampaignCategoryCache(store);
  const now = ctx.clock.now();
  const items: WalletEntry[] = [];
  for (const voucher of page.items) {
    const campaign = voucher.campaign_id ? await cache.campaign(voucher.campaign_id) : null;
    const effective = resolveVoucher(voucher, campaign);
    items.push({
      customerId: customer.id,
      view: { voucher, campaign, category: await cache.category(effective.category_id) },
      status: redeemableStatus(effective, campaign ?? null, now, ctx.project.settings.timezone),
    });
  }
  return { ...page, items };
}
