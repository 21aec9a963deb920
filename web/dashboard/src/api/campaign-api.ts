import { buildQuery, requestProject } from './api-client';
import type { AsyncAction, Campaign, CampaignList, CampaignSummary, CodeConfig, Discount } from './api-types';

export const PAGE_SIZE = 20;

export interface NewCouponCampaign {
  name: string;
  vouchers_count: number;
  discount: Discount;
  code_config: CodeConfig;
}

export function listCampaigns(page: number): Promise<CampaignList> {
  return requestProject<CampaignList>(`/campaigns${buildQuery({ limit: PAGE_SIZE, page })}`);
}

export function getCampaign(id: string): Promise<Campaign> {
  return requestProject<Campaign>(`/campaigns/${encodeURIComponent(id)}`);
}

export function getCampaignSummary(id: string): Promise<CampaignSummary> {
  return requestProject<CampaignSummary>(`/campaigns/${encodeURIComponent(id)}/summary`);
}

export function setCampaignActive(id: string, active: boolean): Promise<void> {
  return requestProject<void>(`/campaigns/${encodeURIComponent(id)}/${active ? 'enable' : 'disable'}`, {
    method: 'POST',
    body: {},
  });
}

export function createCouponCampaign(input: NewCouponCampaign): Promise<Campaign> {
  return requestProject<Campaign>('/campaigns', {
    method: 'POST',
    body: {
      name: input.name,
      campaign_type: 'DISCOUNT_COUPONS',
      type: 'AUTO_UPDATE',
      vouchers_count: input.vouchers_count,
      voucher: { type: 'DISCOUNT_VOUCHER', discount: input.discount, code_config: input.code_config },
    },
  });
}

export function getAsyncAction(id: string): Promise<AsyncAction> {
  return requestProject<AsyncAction>(`/async-actions/${encodeURIComponent(id)}`);
}
