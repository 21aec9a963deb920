import { requestDashboard } from './api-client';

/** One day of redemptions, by how they ended; money in minor units. */
export interface DailyRedemptions {
  /** `YYYY-MM-DD`, a day on the project's calendar (its timezone setting). */
  day: string;
  succeeded: number;
  failed: number;
  rolledBack: number;
  discountAmount: number;
}

export interface RedemptionInsights {
  since: string;
  /** The project's timezone, whose midnights the days start at. */
  timezone: string;
  days: DailyRedemptions[];
  failuresByReason: { reason: string; count: number }[];
  topCustomers: {
    customerId: string;
    sourceId: string | null;
    name: string | null;
    redemptions: number;
    discountAmount: number;
  }[];
  channels: { channel: string; redemptions: number }[];
}

export interface ProjectKey {
  id: string;
  project_id: string | null;
  kind: 'server' | 'client' | 'management';
  app_id: string;
  name: string | null;
  created_at: string;
}

/** A rotated key's new secret: the server hands it out this once. */
export interface IssuedKey {
  app_id: string;
  app_token: string;
}

export function fetchRedemptionInsights(
  projectId: string,
  days: number,
  campaignId?: string,
): Promise<RedemptionInsights> {
  const query = new URLSearchParams({ days: String(days) });
  if (campaignId) query.set('campaign_id', campaignId);
  return requestDashboard<RedemptionInsights>(`/insights/redemptions?${query}`, { projectId });
}

/** A listed campaign's figures; the discount is what its standing redemptions gave, in minor units. */
export interface CampaignTotals {
  id: string;
  redemptions_succeeded: number;
  redemptions_failed: number;
  redemptions_rolled_back: number;
  discount_given: number;
}

/** The figures of the campaigns a list page shows, in one call. */
export async function fetchCampaignTotals(campaignIds: readonly string[]): Promise<Map<string, CampaignTotals>> {
  if (campaignIds.length === 0) return new Map();
  const query = new URLSearchParams({ campaign_ids: campaignIds.join(',') });
  const answer = await requestDashboard<{ campaigns: CampaignTotals[] }>(`/insights/campaign-totals?${query}`);
  return new Map(answer.campaigns.map((totals) => [totals.id, totals]));
}

export function listProjectKeys(projectId: string): Promise<{ keys: ProjectKey[] }> {
  return requestDashboard<{ keys: ProjectKey[] }>(`/projects/${encodeURIComponent(projectId)}/keys`);
}

export function rotateProjectKey(projectId: string, keyId: string): Promise<IssuedKey> {
  const path = `/projects/${encodeURIComponent(projectId)}/keys/${encodeURIComponent(keyId)}/rotate`;
  return requestDashboard<IssuedKey>(path, { method: 'POST', body: {} });
}
