import type { ApiError } from '../../api/api-error';
import type { Campaign } from '../../api/api-types';
import { listCampaigns } from '../../api/campaign-api';
import { ErrorMessage } from '../../components/error-message';
import { useFieldProblem } from '../../components/field-problems';
import { formatCampaignType } from '../../lib/format';
import { useApiData } from '../../lib/use-api-data';

export interface RewardSettings {
  campaignId: string;
  /** The chosen campaign's type, which decides the kind of reward. */
  campaignType: string;
  amount: string;
}

export const NO_REWARD: RewardSettings = { campaignId: '', campaignType: '', amount: '' };

export interface RewardCampaigns {
  campaigns: Campaign[];
  error: ApiError | null;
}

/** Campaigns a reward may come from: a card of a gift campaign, or (referrers only) a code of a coupon campaign. */
async function listRewardCampaigns(): Promise<Campaign[]> {
  const [gifts, coupons] = await Promise.all([listCampaigns(1, 'GIFT_VOUCHERS'), listCampaigns(1, 'DISCOUNT_COUPONS')]);
  return [...gifts.campaigns, ...coupons.campaigns];
}

/** Loaded once by the referral form for both rewards' selects. */
export function useRewardCampaigns(): RewardCampaigns {
  const { data, error } = useApiData('campaign-form:reward-campaigns', listRewardCampaigns);
  return { campaigns: data ?? [], error };
}

interface RewardFieldsProps {
  settings: RewardSettings;
  onChange: (settings: RewardSettings) => void;
  choices: RewardCampaigns;
}

function chosenType(campaigns: readonly Campaign[], campaignId: string): string {
  return campaigns.find((campaign) => campaign.id === campaignId)?.campaign_type ?? '';
}

/** The referrer's reward once a referee converts: credit on a gift card, or a coupon code. */
export function ReferralRewardFields({ settings, onChange, choices }: RewardFieldsProps) {
  const amountProblem = useFieldProblem('reward-amount');
  const { campaigns, error } = choices;
  const chooseCampaign = (campaignId: string) =>
    onChange({ ...settings, campaignId, campaignType: chosenType(campaigns, campaignId) });

  return (
    <fieldset className="fieldset">
      <legend>Referrer's reward</legend>
      <ErrorMessage error={error} />
      <div className="field">
        <label htmlFor="reward-campaign">Reward from campaign</label>
        <select
          id="reward-campaign"
          aria-describedby="reward-campaign-help"
          value={settings.campaignId}
          onChange={(event) => chooseCampaign(event.target.value)}
        >
          <option value="">No reward</option>
          {campaigns.map((campaign) => (
            <option key={campaign.id} value={campaign.id}>
              {campaign.name} ({formatCampaignType(campaign.campaign_type)})
            </option>
          ))}
        </select>
        <p id="reward-campaign-help" className="help">
          A gift campaign adds credit to the referrer's card; a coupon campaign gives the referrer a code.
        </p>
      </div>
      {settings.campaignType === 'GIFT_VOUCHERS' ? (
        <div className="field">
          <label htmlFor="reward-amount">Credit per referral</label>
          <input
            id="reward-amount"
            {...amountProblem}
            inputMode="decimal"
            placeholder="5.00"
            value={settings.amount}
            onChange={(event) => onChange({ ...settings, amount: event.target.value })}
          />
        </div>
      ) : null}
    </fieldset>
  );
}

/**
 * The referee's own reward when their referral counts, besides the discount on their order:
 * credit on their card of a gift campaign (Voucherify's `referee_reward`; no coupon codes there).
 */
export function RefereeRewardFields({ settings, onChange, choices }: RewardFieldsProps) {
  const gifts = choices.campaigns.filter((campaign) => campaign.campaign_type === 'GIFT_VOUCHERS');
  const amountProblem = useFieldProblem('referee-reward-amount', 'referee-reward-amount-help');
  const chooseCampaign = (campaignId: string) =>
    onChange({ ...settings, campaignId, campaignType: chosenType(gifts, campaignId) });

  return (
    <fieldset className="fieldset">
      <legend>Referee's reward (optional)</legend>
      <div className="field">
        <label htmlFor="referee-reward-campaign">Referee's gift card campaign</label>
        <select
          id="referee-reward-campaign"
          aria-describedby="referee-reward-campaign-help"
          value={settings.campaignId}
          onChange={(event) => chooseCampaign(event.target.value)}
        >
          <option value="">No referee reward</option>
          {gifts.map((campaign) => (
            <option key={campaign.id} value={campaign.id}>
              {campaign.name}
            </option>
          ))}
        </select>
        <p id="referee-reward-campaign-help" className="help">
          {gifts.length === 0 && !choices.error
            ? 'Create a gift card campaign first to give referees credit.'
            : "When the referral counts, the referee gets credit on their card of this gift campaign (a card is published to them if they hold none), on top of the referee's discount."}
        </p>
      </div>
      {settings.campaignId ? (
        <div className="field">
          <label htmlFor="referee-reward-amount">Credit for the referee</label>
          <input
            id="referee-reward-amount"
            inputMode="decimal"
            placeholder="5.00"
            {...amountProblem}
            value={settings.amount}
            onChange={(event) => onChange({ ...settings, amount: event.target.value })}
          />
          <p id="referee-reward-amount-help" className="help">
            Given once per referee; taken back if the redemption that made the referral count is rolled back.
          </p>
        </div>
      ) : null}
    </fieldset>
  );
}
