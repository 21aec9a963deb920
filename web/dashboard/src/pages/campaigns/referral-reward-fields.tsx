import type { Campaign } from '../../api/api-types';
import { listCampaigns } from '../../api/campaign-api';
import { ErrorMessage } from '../../components/error-message';
import { formatCampaignType } from '../../lib/format';
import { useApiData } from '../../lib/use-api-data';

export interface RewardSettings {
  campaignId: string;
  /** The chosen campaign's type, which decides the kind of reward. */
  campaignType: string;
  amount: string;
}

/** Campaigns a referrer's reward may come from: a card of a gift campaign, or a code of a coupon campaign. */
async function listRewardCampaigns(): Promise<Campaign[]> {
  const [gifts, coupons] = await Promise.all([listCampaigns(1, 'GIFT_VOUCHERS'), listCampaigns(1, 'DISCOUNT_COUPONS')]);
  return [...gifts.campaigns, ...coupons.campaigns];
}

interface ReferralRewardFieldsProps {
  settings: RewardSettings;
  onChange: (settings: RewardSettings) => void;
}

/** The referrer's reward once a referee converts: credit on a gift card, or a coupon code. */
export function ReferralRewardFields({ settings, onChange }: ReferralRewardFieldsProps) {
  const { data, error } = useApiData('campaign-form:reward-campaigns', listRewardCampaigns);
  const campaigns = data ?? [];
  const chooseCampaign = (campaignId: string) => {
    const chosen = campaigns.find((campaign) => campaign.id === campaignId);
    onChange({ ...settings, campaignId, campaignType: chosen?.campaign_type ?? '' });
  };

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
