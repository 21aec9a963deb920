import { getCampaignSummary } from '../api/campaign-api';
import { ErrorMessage } from '../components/error-message';
import { formatMoney } from '../lib/format';
import { useApiData } from '../lib/use-api-data';

/** The campaign's figures: codes, redemptions, rollbacks and discount given. */
export function CampaignSummarySection({ campaignId, version }: { campaignId: string; version: number }) {
  const { data, error } = useApiData(`summary:${campaignId}:${version}`, () => getCampaignSummary(campaignId));
  const figures = data
    ? [
        { label: 'Codes', value: data.vouchers_created.toLocaleString('en-US') },
        { label: 'Redemptions', value: data.redemptions_succeeded.toLocaleString('en-US') },
        { label: 'Failed redemptions', value: data.redemptions_failed.toLocaleString('en-US') },
        { label: 'Rollbacks', value: data.rollbacks.toLocaleString('en-US') },
        // discounted_amount counts redemptions later rolled back too; what was given in the end is the difference.
        { label: 'Discount given', value: formatMoney(data.discounted_amount - data.rolledback_discounted_amount) },
        { label: 'Discount rolled back', value: formatMoney(data.rolledback_discounted_amount) },
      ]
    : [];

  return (
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading">Summary</h2>
      <ErrorMessage error={error} />
      <dl className="figures">
        {figures.map((figure) => (
          <div key={figure.label} className="figure">
            <dt>{figure.label}</dt>
            <dd>{figure.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
