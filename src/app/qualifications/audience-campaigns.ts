import type { Campaign, CampaignType } from '../../domain/campaigns/campaign.js';
import { campaignPublishRefusal } from '../../domain/publications/publishable-campaign.js';
import { type AssignedDefinition, scopeKeyOf } from '../../domain/rules/check-assigned-rules.js';
import { checkValidity } from '../../domain/vouchers/check-validity.js';
import { resolveVoucher } from '../../domain/vouchers/resolve-voucher.js';
import type { Voucher } from '../../domain/vouchers/voucher.js';
import type { ProjectStore } from '../ports.js';
import { loadSubjectRules, type RuleSubject } from '../redemptions/rule-subjects.js';
import { checkSubjectRules } from '../redemptions/voucher-rules.js';
import type { QualificationResult, QualifiedEntry } from './qualification-request.js';
import type { QualificationFacts } from './qualify-redeemables.js';

/** Campaigns that hand codes to customers; a promotion has none, loyalty and referral codes are earned otherwise. */
const CODE_CAMPAIGN_TYPES: readonly CampaignType[] = ['DISCOUNT_COUPONS', 'GIFT_VOUCHERS'];
const PAGE = 100;
/** Campaigns and codes read per request at most: a bounded answer for a project of any size. */
const MAX_CAMPAIGN_PAGES = 10;
const MAX_CODE_PAGES = 5;

/** A campaign the customer could be given a code of, with the rules assigned to it. */
export interface CampaignCandidate {
  campaign: Campaign;
  subject: RuleSubject;
  definitions: readonly AssignedDefinition[];
}

async function liveCampaigns(store: ProjectStore, type: CampaignType): Promise<Campaign[]> {
  const found: Campaign[] = [];
  for (let page = 1; page <= MAX_CAMPAIGN_PAGES; page++) {
    const listed = await store.campaigns.list(
      { limit: PAGE, page, order: { field: 'created_at', direction: 'desc' } },
      { campaign_type: type },
    );
    found.push(...listed.items);
    if (!listed.has_more) break;
  }
  return found;
}

/** A code a publication would hand out: live, on, unexpired, uses left, held by nobody. */
function isFreeCode(stored: Voucher, campaign: Campaign, now: Date, timezone: string): boolean {
  if (stored.holder_id !== null) return false;
  const code = resolveVoucher(stored, campaign);
  if (code.active === false || checkValidity(code, now, timezone) === 'voucher_expired') return false;
  return code.redemption_quantity === null || code.redeemed_quantity < code.redemption_quantity;
}

/** Whether a publication could give the customer a code now: an AUTO_UPDATE campaign makes one, another needs a free one. */
async function canHandOutCode(store: ProjectStore, campaign: Campaign, now: Date, timezone: string): Promise<boolean> {
  if (campaign.type === 'AUTO_UPDATE') return true;
  for (let page = 1; page <= MAX_CODE_PAGES; page++) {
    const listed = await store.vouchers.list(
      { limit: PAGE, page, order: { field: 'created_at', direction: 'asc' } },
      { campaign_id: campaign.id },
    );
    if (listed.items.some((code) => isFreeCode(code, campaign, now, timezone))) return true;
    if (!listed.has_more) return false;
  }
  return false;
}

/**
 * The campaigns (AUDIENCE_ONLY) whose codes the customer could be given now: on, in their dates,
 * publishable, with a code to hand out, and not one the customer may join only once and already
 * holds a code of. Their rules are loaded here, so the request's facts are prepared with them.
 */
export async function loadCampaignCandidates(
  store: ProjectStore,
  now: Date,
  timezone: string,
  customerId: string | null,
): Promise<CampaignCandidate[]> {
  const usable: Campaign[] = [];
  for (const type of CODE_CAMPAIGN_TYPES) {
    for (const campaign of await liveCampaigns(store, type)) {
      if (campaignPublishRefusal(campaign, now) !== null) continue;
      if (checkValidity(campaign, now, timezone) !== null) continue;
      if (
        campaign.join_once &&
        customerId !== null &&
        (await store.vouchers.findHeldInCampaign(campaign.id, customerId))
      )
        continue;
      if (await canHandOutCode(store, campaign, now, timezone)) usable.push(campaign);
    }
  }
  const subjects = usable.map((campaign) => ({
    scope: { type: 'campaign' as const, id: campaign.id },
    campaignId: campaign.id,
  }));
  const rules = subjects.length > 0 ? await loadSubjectRules(store, subjects) : new Map<string, AssignedDefinition[]>();
  return usable.map((campaign, i) => {
    const subject = subjects[i] as RuleSubject;
    return { campaign, subject, definitions: rules.get(scopeKeyOf(subject.scope)) ?? [] };
  });
}

function campaignResult(campaign: Campaign): QualificationResult {
  const { discount, gift } = campaign.voucher;
  if (campaign.voucher.type === 'GIFT_VOUCHER' && gift) return { gift: { balance: gift.amount, credits: 0 } };
  return discount ? { discount } : {};
}

/**
 * A campaign whose rules the customer meets, as the qualification lists it (`object: "campaign"`):
 * what one of its codes would give, and no order, since no code of it is the customer's yet.
 */
export async function qualifyCampaign(
  facts: QualificationFacts,
  candidate: CampaignCandidate,
): Promise<QualifiedEntry | null> {
  const { campaign, subject, definitions } = candidate;
  const rules = await checkSubjectRules(facts.store, facts.session, subject, definitions);
  if (!rules.outcome.passed) return null;
  return {
    object: 'campaign',
    id: campaign.id,
    resource_id: campaign.id,
    created_at: campaign.created_at,
    campaign_id: campaign.id,
    campaign_type: campaign.campaign_type,
    category_ids: campaign.category_id ? [campaign.category_id] : [],
    voucher_type: campaign.voucher.type,
    code: null,
    holder_role: null,
    discount_amount: 0,
    source: { kind: 'campaign', campaign },
    result: campaignResult(campaign),
    order: null,
    rules,
    definitions,
    category: await facts.cache.category(campaign.category_id),
  };
}
