import { buildQuery, requestProject } from './api-client';
import type { AsyncAction, Campaign, CampaignList, CampaignSummary, CodeConfig, Discount, ListPage } from './api-types';

export const PAGE_SIZE = 20;

/** A discount as sent: api-types' Discount, plus the effect a free-shipping UNIT discount names. */
export type DiscountInput =
  | Discount
  | { type: 'UNIT'; unit_off: number; unit_type: string; effect: 'ADD_MISSING_ITEMS' | 'ADD_NEW_ITEMS' };

export interface NewCouponCampaign {
  name: string;
  vouchers_count: number;
  discount: DiscountInput;
  code_config: CodeConfig;
}

/** A tier of a PROMOTION campaign, as sent in `promotion.tiers` and as listed. */
export interface PromotionTierInput {
  name: string;
  banner: string;
  action: { discount: DiscountInput };
  validation_rules?: string[];
}

export interface PromotionTier {
  id: string;
  name: string;
  banner: string | null;
  action: { discount: Discount | null };
  active: boolean;
  hierarchy: number;
  summary?: { redemptions: { total_redeemed: number } };
}

interface PromotionTierList extends ListPage {
  tiers: PromotionTier[];
}

/** What `PUT /v1/campaigns/{id}` changes; a field left out stays as it is. */
export interface CampaignChanges {
  name?: string;
  description?: string | null;
  start_date?: string | null;
  expiration_date?: string | null;
  active?: boolean;
  /** A coupon campaign's new discount: every code of the campaign takes it. */
  discount?: DiscountInput;
  voucher?: { redemption?: { quantity: number | null } };
}

/** A reward of a referral program, as `GET /v1/campaigns/{id}` echoes it. */
export interface ReferralRewardView {
  type: string;
  related_object_parent: { id: string; name: string | null; object: 'CAMPAIGN' };
  /** Credits in minor units for a GIFT_VOUCHER reward. */
  amount?: number | null;
}

/** A REFERRAL_PROGRAM campaign's `referral_program`; unset rewards are left out (`referrer_reward` is Vouch's). */
export interface ReferralProgramView {
  conversion_event_type: 'redemption' | 'custom_event';
  custom_event?: { id: string | null; name: string };
  referrer_reward?: ReferralRewardView;
  referee_reward?: ReferralRewardView;
}

export interface RuleChoice {
  id: string;
  name: string;
}

/** `POST /v1/campaigns` answers adding codes with a voucher (one) or a queued action (more). */
export interface AsyncActionCreated {
  async_action_id: string;
}

export function listCampaigns(page: number, campaignType?: string): Promise<CampaignList> {
  return requestProject<CampaignList>(
    `/campaigns${buildQuery({ limit: PAGE_SIZE, page, campaign_type: campaignType })}`,
  );
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
  return createCampaign({
    name: input.name,
    campaign_type: 'DISCOUNT_COUPONS',
    type: 'AUTO_UPDATE',
    vouchers_count: input.vouchers_count,
    voucher: { type: 'DISCOUNT_VOUCHER', discount: input.discount, code_config: input.code_config },
  });
}

/** Any campaign type: the forms build the body the server's CampaignCreateBody accepts. */
export function createCampaign(body: Record<string, unknown>): Promise<Campaign> {
  return requestProject<Campaign>('/campaigns', { method: 'POST', body });
}

export function updateCampaign(id: string, changes: CampaignChanges): Promise<Campaign> {
  return requestProject<Campaign>(`/campaigns/${encodeURIComponent(id)}`, { method: 'PUT', body: changes });
}

export function deleteCampaign(id: string): Promise<AsyncActionCreated> {
  return requestProject<AsyncActionCreated>(`/campaigns/${encodeURIComponent(id)}?force=true`, { method: 'DELETE' });
}

/** One code is answered at once (a voucher); more are generated in an async action. */
export function addCampaignCodes(id: string, count: number): Promise<AsyncActionCreated | { code: string }> {
  return requestProject<AsyncActionCreated | { code: string }>(
    `/campaigns/${encodeURIComponent(id)}/vouchers${buildQuery({ vouchers_count: count })}`,
    { method: 'POST', body: {} },
  );
}

export function importCampaignCsv(id: string, file: File): Promise<AsyncActionCreated> {
  const form = new FormData();
  form.append('file', file, file.name);
  return requestProject<AsyncActionCreated>(`/campaigns/${encodeURIComponent(id)}/importCSV`, {
    method: 'POST',
    body: form,
  });
}

export function listPromotionTiers(campaignId: string): Promise<PromotionTierList> {
  return requestProject<PromotionTierList>(`/promotions/${encodeURIComponent(campaignId)}/tiers`);
}

/** The project's validation rules for a form's select (the first 100 are plenty to pick from). */
export async function listRuleChoices(): Promise<RuleChoice[]> {
  const list = await requestProject<{ data: RuleChoice[] }>(`/validation-rules${buildQuery({ limit: 100 })}`);
  return list.data.map(({ id, name }) => ({ id, name }));
}

export function assignRuleToCampaign(ruleId: string, campaignId: string): Promise<unknown> {
  return requestProject<unknown>(`/validation-rules/${encodeURIComponent(ruleId)}/assignments`, {
    method: 'POST',
    body: { campaign: campaignId },
  });
}

export function getAsyncAction(id: string): Promise<AsyncAction> {
  return requestProject<AsyncAction>(`/async-actions/${encodeURIComponent(id)}`);
}
