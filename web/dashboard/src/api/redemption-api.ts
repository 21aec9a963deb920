import { buildQuery, requestProject } from './api-client';
import type { Redemption, RedemptionList } from './api-types';
import { PAGE_SIZE } from './campaign-api';

export interface RedemptionFilter {
  /** The campaign's name: the API filters redemptions by campaign name. */
  campaign?: string;
  voucher?: string;
  /** Vouch's search: part of the id, code, customer or order, whatever the case. */
  search?: string;
  /** `created_at` for oldest first; newest first otherwise. */
  order?: string;
}

/** Redemptions only, newest first unless `order` says otherwise: rollbacks show on the redemption they undid. */
export function listRedemptions(page: number, filter: RedemptionFilter = {}): Promise<RedemptionList> {
  const query = buildQuery({
    limit: PAGE_SIZE,
    page,
    order: filter.order ?? '-created_at',
    object: 'redemption',
    campaign: filter.campaign,
    voucher: filter.voucher,
    search: filter.search,
  });
  return requestProject<RedemptionList>(`/redemptions${query}`);
}

export function getRedemption(id: string): Promise<Redemption> {
  return requestProject<Redemption>(`/redemptions/${encodeURIComponent(id)}`);
}

export function rollbackRedemption(id: string, reason: string): Promise<Redemption> {
  return requestProject<Redemption>(`/redemptions/${encodeURIComponent(id)}/rollback`, {
    method: 'POST',
    body: reason === '' ? {} : { reason },
  });
}
