import { buildQuery, requestProject } from './api-client';
import type { Voucher, VoucherList } from './api-types';
import { PAGE_SIZE } from './campaign-api';

export function listCampaignVouchers(campaignId: string, page: number): Promise<VoucherList> {
  return requestProject<VoucherList>(`/vouchers${buildQuery({ campaign_id: campaignId, limit: PAGE_SIZE, page })}`);
}

export function getVoucher(code: string): Promise<Voucher> {
  return requestProject<Voucher>(`/vouchers/${encodeURIComponent(code)}`);
}
